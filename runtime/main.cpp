#include "runtime/commands.h"

int main(int argc, char **argv) { return flowdeck::runtime::runCommandLine(argc, argv); }
