package dev.apigw.emulator;

import dev.apigw.emulator.usage.Throttle;
import dev.apigw.emulator.usage.UsageCounters;

/**
 * What the gateways of one server share across its stages and canaries, as AWS keeps it per account or per API
 * rather than per stage: the throttle and quota counts ({@link UsageCounters}).
 */
record ServerWide(UsageCounters usage) {

    /** A fresh set for a server (or a gateway on its own) started with this config. */
    static ServerWide of(GatewayConfig config) {
        StageThrottle account = config.accountThrottle();
        return new ServerWide(new UsageCounters(new Throttle(account.rate(), account.burst()), config.clock()));
    }
}
