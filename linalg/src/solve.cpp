// solve: in progress
