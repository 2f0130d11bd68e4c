# Seed 001's last paragraph, typed as it has it: gc.DEBUG_OBJECTS was
# Python 2's flag and no longer exists, so Python 3.11 stops here.
import gc
gc.set_debug(gc.DEBUG_COLLECTABLE | gc.DEBUG_OBJECTS)
