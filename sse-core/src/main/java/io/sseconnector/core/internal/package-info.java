/**
 * The byte-level machinery behind {@code io.sseconnector.core}: UTF-8 as the WHATWG Encoding
 * standard defines it, line-end scanning and bounded buffers. Not API: anything here may change in
 * any release.
 */
package io.sseconnector.core.internal;
