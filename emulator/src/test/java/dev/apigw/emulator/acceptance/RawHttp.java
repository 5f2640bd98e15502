package dev.apigw.emulator.acceptance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A client on a plain socket to 127.0.0.1, for requests the JDK's HTTP client refuses to send: malformed request
 * lines and headers, lying Content-Lengths, bytes that are not UTF-8, a client that stalls or hangs up early.
 */
final class RawHttp implements AutoCloseable {
    /** Generous: no test waits this long unless the server hangs. */
    private static final int READ_TIMEOUT_MILLIS = 15_000;

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    private RawHttp(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    static RawHttp connect(int port) throws IOException {
        return new RawHttp(port);
    }

    /** Sends bytes written as ISO-8859-1 text, so that {@code \u00c3} in a string is the byte 0xC3. */
    RawHttp send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    RawHttp send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Reads until the server closes the connection or the first response is complete (by its Content-Length). */
    Response response() throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketException e) {
                n = -1; // reset by the server after its answer: what was received is the answer
            }
            if (n < 0) {
                return Response.parse(received.toByteArray());
            }
            received.write(buffer, 0, n);
            Response complete = Response.ifComplete(received.toByteArray());
            if (complete != null) {
                return complete;
            }
        }
    }

    /** True when the server closes the connection within the read timeout (EOF or reset), false if it still talks. */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketException e) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    /** Reads only a few bytes, so that the rest of a large response is still in flight when the client leaves. */
    byte[] readSome(int bytes) throws IOException {
        return in.readNBytes(bytes);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    record Response(int status, String head, String body) {
        static Response parse(byte[] bytes) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            if (!text.startsWith("HTTP/1.1 ") || end < 0) {
                throw new IllegalStateException("not an HTTP response: [" + text + "]");
            }
            return new Response(Integer.parseInt(text.substring(9, 12)), text.substring(0, end),
                    text.substring(end + 4));
        }

        static Response ifComplete(byte[] bytes) {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                return null;
            }
            String head = text.substring(0, end).toLowerCase(java.util.Locale.ROOT);
            int at = head.indexOf("\r\ncontent-length:");
            if (at < 0) {
                return null;
            }
            int lineEnd = head.indexOf("\r\n", at + 2);
            int length = Integer.parseInt(head.substring(at + 17, lineEnd < 0 ? head.length() : lineEnd).trim());
            return bytes.length >= end + 4 + length ? parse(bytes) : null;
        }

        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }
}
