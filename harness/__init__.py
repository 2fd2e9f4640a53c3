"""The benchmark and test harness: benchmarks, simulated students, the speed-ups on/off
comparison, generated insights data and the NLU score floor. Run by the Makefile and the tests;
the assistant itself (bot/, actions/) never imports it."""
