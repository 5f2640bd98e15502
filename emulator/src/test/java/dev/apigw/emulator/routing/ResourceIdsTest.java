package dev.apigw.emulator.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResourceIdsTest {

    @Test
    void same_text_gives_the_same_id_in_every_table() {
        assertThat(new ResourceIds().next("/pets/{id}", 6)).isEqualTo(new ResourceIds().next("/pets/{id}", 6));
    }

    @Test
    void ids_are_lowercase_alphanumerics_of_the_requested_length() {
        assertThat(ResourceIds.hash("/", 10)).matches("[a-z0-9]{10}");
        assertThat(ResourceIds.hash("/pets", 6)).matches("[a-z0-9]{6}");
    }

    @Test
    void ids_stay_distinct_within_a_table_of_ten_thousand_resources() {
        ResourceIds ids = new ResourceIds();
        Set<String> seen = new HashSet<>();

        for (int i = 0; i < 10_000; i++) {
            seen.add(ids.next("/r" + i + "/{id}", 6));
        }

        assertThat(seen).hasSize(10_000);
    }

    @Test
    void a_repeated_text_gets_a_fresh_id_rather_than_a_duplicate() {
        ResourceIds ids = new ResourceIds();

        assertThat(ids.next("/pets", 6)).isNotEqualTo(ids.next("/pets", 6));
    }
}
