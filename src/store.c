/*
 * store.c
 */
#include "geomention.h"
