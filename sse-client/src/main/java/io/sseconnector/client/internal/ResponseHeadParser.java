package io.sseconnector.client.internal;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/**
 * Reads one HTTP/1.x response head, the status line and the header fields up to the blank line,
 * from bytes that may arrive split anywhere, and gives it as a Netty {@link HttpResponse} (the
 * type the HTTP/2 path produces too). It consumes exactly the head's bytes, never a body byte.
 *
 * <p>Lines end with CRLF or a bare LF; empty lines before the status line are skipped and an
 * obsolete folded header line continues the previous value. A status line longer than {@link
 * #MAX_STATUS_LINE}, header fields longer than {@link #MAX_HEADERS} in all, a status line that is
 * not {@code HTTP/1.x NNN [reason]} or a header line without a colon make {@link #parse} throw
 * {@link MalformedResponseException}. Header values are read as ISO-8859-1, as Netty's codec
 * reads them. Reusable after {@link #reset()}.
 */
final class ResponseHeadParser {
    static final int MAX_STATUS_LINE = 4096;
    static final int MAX_HEADERS = 8192;

    private static final HttpHeadersFactory HEADERS =
            DefaultHttpHeadersFactory.headersFactory().withValidation(false);

    /** The current line so far (it began in an earlier buffer). */
    private byte[] line = new byte[128];

    private int lineLength;
    private HttpResponse response;
    private int headerBytes;
    /** The last header field read, held back because a folded line may continue it. */
    private String pendingName;

    private String pendingValue;

    /**
     * Consumes bytes of {@code in} up to the end of the head. Returns the head once its blank line
     * has been read (the reader index then stands on the first body byte), or {@code null} when
     * {@code in} ended first (all of it was consumed; call again with the next bytes).
     *
     * @throws MalformedResponseException the head is not an HTTP/1.x response head
     */
    HttpResponse parse(ByteBuf in) {
        while (in.isReadable()) {
            int start = in.readerIndex();
            int lf = in.indexOf(start, in.writerIndex(), (byte) '\n');
            int end = lf < 0 ? in.writerIndex() : lf;
            append(in, start, end - start);
            if (lf < 0) {
                in.readerIndex(end);
                return null;
            }
            in.readerIndex(lf + 1);
            if (response != null) {
                headerBytes += lineLength + 1;
            }
            int length = lineLength > 0 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
            lineLength = 0;
            if (line(length)) {
                HttpResponse head = response;
                reset();
                return head;
            }
        }
        return null;
    }

    /** Forgets any partial head: the parser is ready for the next response. */
    void reset() {
        lineLength = 0;
        response = null;
        headerBytes = 0;
        pendingName = null;
        pendingValue = null;
    }

    /** Handles one complete line of {@code length} bytes; returns whether it ended the head. */
    private boolean line(int length) {
        if (response == null) {
            if (length > 0) { // empty lines before the status line are tolerated
                response = statusLine(new String(line, 0, length, StandardCharsets.ISO_8859_1));
            }
            return false;
        }
        if (length == 0) {
            flushPending();
            return true;
        }
        String text = new String(line, 0, length, StandardCharsets.ISO_8859_1);
        char first = text.charAt(0);
        if ((first == ' ' || first == '\t') && pendingName != null) {
            pendingValue = pendingValue + ' ' + text.trim(); // obs-fold: a continuation line
            return false;
        }
        int colon = text.indexOf(':');
        if (colon <= 0) {
            // Not echoed: a header line may carry a credential.
            throw new MalformedResponseException("a header line without a name and colon (" + length + " bytes)");
        }
        flushPending();
        pendingName = text.substring(0, colon).trim();
        pendingValue = text.substring(colon + 1).trim();
        return false;
    }

    private void flushPending() {
        if (pendingName != null) {
            response.headers().add(pendingName, pendingValue);
            pendingName = null;
            pendingValue = null;
        }
    }

    private static HttpResponse statusLine(String text) {
        // HTTP-version SP status-code SP [reason-phrase]; be lenient about extra spaces.
        String trimmed = text.trim();
        int firstSpace = trimmed.indexOf(' ');
        String version = firstSpace < 0 ? trimmed : trimmed.substring(0, firstSpace);
        HttpVersion httpVersion;
        if (version.equals("HTTP/1.1")) {
            httpVersion = HttpVersion.HTTP_1_1;
        } else if (version.equals("HTTP/1.0")) {
            httpVersion = HttpVersion.HTTP_1_0;
        } else {
            throw new MalformedResponseException("not an HTTP/1.x status line: " + LogText.quote(text, 64));
        }
        String rest = firstSpace < 0 ? "" : trimmed.substring(firstSpace + 1).trim();
        int secondSpace = rest.indexOf(' ');
        String code = secondSpace < 0 ? rest : rest.substring(0, secondSpace);
        if (code.length() != 3 || !isDigits(code)) {
            throw new MalformedResponseException("no three-digit status code in " + LogText.quote(text, 64));
        }
        String reason = secondSpace < 0 ? "" : rest.substring(secondSpace + 1).trim();
        HttpResponseStatus status = HttpResponseStatus.valueOf(Integer.parseInt(code), reason);
        return new DefaultHttpResponse(httpVersion, status, HEADERS);
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private void append(ByteBuf in, int index, int length) {
        int newLength = lineLength + length;
        if (response == null ? newLength > MAX_STATUS_LINE : headerBytes + newLength > MAX_HEADERS) {
            throw new MalformedResponseException(
                    response == null
                            ? "a status line longer than " + MAX_STATUS_LINE + " bytes"
                            : "header fields longer than " + MAX_HEADERS + " bytes");
        }
        if (newLength > line.length) {
            byte[] grown = new byte[Math.max(line.length * 2, newLength)];
            System.arraycopy(line, 0, grown, 0, lineLength);
            line = grown;
        }
        in.getBytes(index, line, lineLength, length);
        lineLength += length;
    }
}
