package dev.apigw.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.cache.StageCacheSettings;
import dev.apigw.emulator.cache.UnauthorizedCacheControlHeaderStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project file's {@code cache:} becomes the gateway's stage cache settings. */
class ProjectFileCacheTest {
    @TempDir
    Path dir;

    private StageCacheSettings read(String text) throws Exception {
        return ProjectFileText.read(dir, text).stageCache();
    }

    @Test
    void no_cache_setting_means_no_cache() throws Exception {
        assertThat(read("")).isEqualTo(StageCacheSettings.OFF);
        assertThat(read("").enabled()).isFalse();
    }

    @Test
    void enabled_alone_caches_get_methods_for_awss_default_ttl_and_false_caches_nothing() throws Exception {
        assertThat(read("cache: {enabled: true}\n").ttlSeconds()).isEqualTo(300);
        assertThat(read("cache: {enabled: true, ttl: 60}\n").ttlSeconds()).isEqualTo(60);
        StageCacheSettings off = read("cache: {enabled: false, ttl: 60, methods: {\"/pets/GET\": 30}}\n");
        assertThat(off.enabled()).isFalse();
        assertThat(off.ttlOf("/pets", "GET")).isZero();
    }

    @Test
    void stage_ttl_method_overrides_and_invalidation_rules_are_read() throws Exception {
        StageCacheSettings cache = read("""
                cache:
                  ttl: 120
                  methods: {"/pets/{id}/GET": 30, "/orders/POST": 60, "/toys/GET": 0}
                  requireAuthorization: false
                  unauthorizedStrategy: FAIL_WITH_403
                """);

        assertThat(cache.ttlSeconds()).isEqualTo(120);
        assertThat(cache.methodTtls()).isEqualTo(Map.of("/pets/{id}/GET", 30, "/orders/POST", 60, "/toys/GET", 0));
        assertThat(cache.ttlOf("/pets", "GET")).isEqualTo(120);
        assertThat(cache.ttlOf("/pets", "POST")).isZero();
        assertThat(cache.ttlOf("/pets/{id}", "GET")).isEqualTo(30);
        assertThat(cache.ttlOf("/orders", "POST")).isEqualTo(60);
        assertThat(cache.ttlOf("/toys", "GET")).isZero();
        assertThat(cache.requireAuthorizationForCacheControl()).isFalse();
        assertThat(cache.unauthorizedStrategy()).isEqualTo(UnauthorizedCacheControlHeaderStrategy.FAIL_WITH_403);
    }

    @Test
    void aws_defaults_for_invalidation_apply_when_only_a_ttl_is_given() throws Exception {
        StageCacheSettings cache = read("cache: {ttl: 300}\n");

        assertThat(cache.requireAuthorizationForCacheControl()).isTrue();
        assertThat(cache.unauthorizedStrategy())
                .isEqualTo(UnauthorizedCacheControlHeaderStrategy.SUCCEED_WITH_RESPONSE_HEADER);
    }

    @Test
    void the_pet_store_sample_caches_its_list_route_only() {
        Path sample = Path.of("../samples/petstore/apigw.yaml");
        GatewayConfig.Builder builder = GatewayConfig.builder();
        ProjectFile.read(sample).applyTo(builder, sample.getParent());
        StageCacheSettings cache = builder.build().stageCache();

        assertThat(cache.ttlOf("/pets", "GET")).isEqualTo(300);
        assertThat(cache.ttlOf("/pets/{id}", "GET")).isZero();
        assertThat(cache.ttlOf("/pets", "POST")).isZero();
    }
}
