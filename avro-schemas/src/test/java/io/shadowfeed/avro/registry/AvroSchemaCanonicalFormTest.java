package io.shadowfeed.avro.registry;

import io.shadowfeed.avro.confluent.compat.AvroSchemaCompatibility;
import io.shadowfeed.avro.confluent.compat.InvalidAvroSchemaException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The canonical form decides when two schema texts are "the same schema" (same id, no new version). */
class AvroSchemaCanonicalFormTest {

    @Test
    void whitespaceAndAttributeOrderDoNotMatter() throws Exception {
        String compact = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";
        String spaced = "{ \"fields\" : [ { \"type\" : \"int\", \"name\" : \"a\" } ],\n  \"name\" : \"R\", "
                + "\"type\" : \"record\" }";
        assertThat(AvroSchemaCompatibility.canonicalForm(spaced)).isEqualTo(AvroSchemaCompatibility.canonicalForm(compact));
    }

    @Test
    void defaultsAndDocsMatter() throws Exception {
        String plain = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";
        String withDefault =
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\",\"default\":1}]}";
        String withDoc =
                "{\"type\":\"record\",\"name\":\"R\",\"doc\":\"d\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";
        assertThat(AvroSchemaCompatibility.canonicalForm(withDefault))
                .isNotEqualTo(AvroSchemaCompatibility.canonicalForm(plain));
        assertThat(AvroSchemaCompatibility.canonicalForm(withDoc))
                .isNotEqualTo(AvroSchemaCompatibility.canonicalForm(plain));
    }

    @Test
    void invalidSchemasAreRejectedWithAReason() {
        assertThatThrownBy(() -> AvroSchemaCompatibility.canonicalForm("{\"type\":\"recrd\",\"name\":\"R\"}"))
                .isInstanceOf(InvalidAvroSchemaException.class)
                .hasMessageContaining("recrd");
        assertThatThrownBy(() -> AvroSchemaCompatibility.canonicalForm("{not json"))
                .isInstanceOf(InvalidAvroSchemaException.class);
        assertThatThrownBy(() -> AvroSchemaCompatibility.canonicalForm(" "))
                .isInstanceOf(InvalidAvroSchemaException.class)
                .hasMessage("the schema is empty");
        String badDefault = "{\"type\":\"record\",\"name\":\"R\",\"fields\":"
                + "[{\"name\":\"a\",\"type\":\"int\",\"default\":\"one\"}]}";
        assertThatThrownBy(() -> AvroSchemaCompatibility.canonicalForm(badDefault))
                .isInstanceOf(InvalidAvroSchemaException.class);
    }
}
