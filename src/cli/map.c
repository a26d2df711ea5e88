/*
 * map.c - `geomention map`: a self-contained HTML map of the incidents.
 */
#include "cli.h"

int cmd_map(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    msg("map: not built yet");
    return EXIT_INTERNAL;
}
