package main

/*
#include <malloc.h>
*/
import "C"

// trimCHeap hands the C heap's free pages back to the system. Mesa's
// software renderer allocates textures with malloc; glibc keeps freed
// blocks in its arenas, so without this a kiosk's memory never comes back
// down after a busy hour.
func trimCHeap() { C.malloc_trim(0) }
