/*
 * svg.c
 */
#include "geomention.h"
