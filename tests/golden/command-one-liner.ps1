# (Run through -Command: see command-one-liner.args.)
