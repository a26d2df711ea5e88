/*
 * gpkg.c
 */
#include "geomention.h"
