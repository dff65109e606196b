// The core rules library. Pure Swift value types: no file I/O, no HTML.
