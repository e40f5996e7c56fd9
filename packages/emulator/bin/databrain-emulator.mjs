#!/usr/bin/env node
// The `databrain-emulator` command. A committed file rather than the build
// output itself, so installing the workspace links the command before the
// first build; it runs the built CLI.
import '../dist/cli.mjs';
