/*
 * map.c - a self-contained HTML map of incidents (gm_map_*).
 */
#include "geomention.h"
