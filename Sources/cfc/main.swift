import CFCCommandLine

// The commands live in CFCCommandLine, a library, so that the fuzzer can drive the same
// command line; this executable only starts them.
CFC.main()
