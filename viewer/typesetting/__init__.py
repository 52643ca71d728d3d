"""The Qt pieces the screen and the page share: the bundled fonts and the images a rich-text
document may show. Below ``viewer.ui`` and ``viewer.print``, so neither needs the other."""
