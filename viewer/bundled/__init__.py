"""Files shipped with the app: the bundled briefings and resources, reachable when installed."""
