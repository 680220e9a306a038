// Engine tests live beside the behaviour they specify; see the Engine project README.
