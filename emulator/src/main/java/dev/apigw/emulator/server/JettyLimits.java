package dev.apigw.emulator.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import dev.apigw.emulator.GatewayResponse;
import dev.apigw.emulator.Header;
import dev.apigw.emulator.RequestLimits;
import dev.apigw.emulator.response.EdgeRefusals;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's own request limits, set so that apigw's checks ({@code RequestLimitCheck}, with AWS's answers) decide and
 * Jetty's are only a last-resort bound above them; and Jetty's answers to requests it cannot parse at all, in AWS's
 * shape instead of Jetty's HTML error page.
 */
public final class JettyLimits {
    private static final Logger LOG = LoggerFactory.getLogger(JettyLimits.class);
    /** Room for header names, separators and line breaks, which AWS's header limit does not count but Jetty's does. */
    private static final int HEADER_OVERHEAD_BYTES = 16 * 1024;

    private JettyLimits() {}

    /**
     * Jetty's buffer for the request line and headers holds twice what apigw's URL and header limits let through,
     * plus room for names: a request within apigw's limits always reaches apigw, which answers the others as AWS
     * does. (The idle timeout is set on the connectors, not here: HttpConfiguration's would override the WebSocket
     * idle timeout of upgraded connections.)
     */
    public static void configure(HttpConfiguration http, RequestLimits limits) {
        http.setRequestHeaderSize(jettyHeaderBytes(limits));
    }

    static int jettyHeaderBytes(RequestLimits limits) {
        long bytes = 2L * ((long) limits.urlChars() + limits.headerBytes()) + HEADER_OVERHEAD_BYTES;
        return (int) Math.min(Integer.MAX_VALUE - 8, bytes);
    }

    /** Answers requests Jetty cannot parse (see {@link BadMessages}). */
    public static void configure(Server server, RequestLimits limits) {
        server.setErrorHandler(new BadMessages(limits));
    }

    /** A connection silent for the idle timeout, while a request arrives or between requests, is closed. */
    public static void configureConnectors(Server server, RequestLimits limits) {
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof ServerConnector serverConnector) {
                serverConnector.setIdleTimeout(limits.idleTimeout().toMillis());
            }
        }
    }

    /**
     * Requests Jetty refuses before apigw sees them: headers past Jetty's buffer get the same answer as apigw's header
     * limit; a request that is not HTTP (a garbage request line, a header line without a colon, a bad chunk) gets a
     * 400 {@code {"message":"Bad Request"}}, the shape of API Gateway's own errors, since what AWS's front end answers
     * for these is not documented. The reason goes to the log, never to the client.
     */
    static final class BadMessages extends ErrorHandler {
        private final RequestLimits limits;

        BadMessages(RequestLimits limits) {
            this.limits = limits;
            setShowStacks(false);
            setShowServlet(false);
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            LOG.info("refused with {} a request Jetty could not take in{}", status,
                    reason == null ? "" : ": " + reason);
            GatewayResponse answer = answer(status);
            for (Header header : answer.headers().all()) {
                fields.put(header.name(), header.value());
            }
            fields.put(HttpHeader.CONNECTION, "close");
            return ByteBuffer.wrap(answer.body());
        }

        private GatewayResponse answer(int status) {
            if (status == 431) {
                return EdgeRefusals.headersTooLarge(limits.headerBytes());
            }
            if (status == 414) {
                return EdgeRefusals.urlTooLong(limits.urlChars());
            }
            if (status == 413) {
                return EdgeRefusals.payloadTooLarge(limits.payloadBytes(), false);
            }
            return EdgeRefusals.badRequest(status);
        }
    }
}
