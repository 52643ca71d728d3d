"""The Qt layer: windows, views and item models over the domain data."""
