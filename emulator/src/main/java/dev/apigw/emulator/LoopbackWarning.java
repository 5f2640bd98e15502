package dev.apigw.emulator;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * apigw is a development tool: it accepts any SigV4 signature on {@code @connections}, serves the journal (request
 * bodies and headers) and runs functions for whoever calls. On a loopback address only this machine reaches it; on
 * any other address, anyone on the network does, so starting there earns a one-line warning.
 */
final class LoopbackWarning {
    private static final Logger LOG = LoggerFactory.getLogger(LoopbackWarning.class);

    private LoopbackWarning() {}

    static void check(String host, AdminEndpoints admin) {
        if (isLoopback(host)) {
            return;
        }
        String adminPart = admin.sharesApiPort()
                ? " and apigw's own endpoints (dashboard, journal with request bodies, Lambda Invoke API)" : "";
        LOG.warn("apigw: listening on {} lets other machines call the API{} without real AWS authentication;"
                + " use --host 127.0.0.1 unless you mean to share it, and --no-admin or --admin-port to keep the"
                + " admin endpoints off the API's port", host, adminPart);
    }

    /** A name that resolves to loopback addresses only (localhost, 127.0.0.1, ::1). */
    static boolean isLoopback(String host) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            for (InetAddress address : addresses) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return addresses.length > 0;
        } catch (UnknownHostException e) {
            // Jetty reports the unknown name when it binds.
            return true;
        }
    }
}
