/*
 * store.c - `geomention store`
 */
#include "cli.h"

int cmd_store(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    msg("store: not built yet");
    return EXIT_INTERNAL;
}
