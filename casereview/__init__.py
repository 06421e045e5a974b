"""Case Review: the statutory ASB Case Review, run end to end."""
