package io.sseconnector.core;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Test input: strings (as UTF-8) and single bytes given as ints, such as {@code 0xED}. */
final class Bytes {
    private Bytes() {}

    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            } else if (part instanceof Integer b) {
                out.write(b);
            } else if (part instanceof byte[] array) {
                out.writeBytes(array);
            } else {
                throw new IllegalArgumentException("not a String, an int or a byte[]: " + part);
            }
        }
        return out.toByteArray();
    }

    static byte[] utf8(String... lines) {
        return String.join("", lines).getBytes(StandardCharsets.UTF_8);
    }
}
