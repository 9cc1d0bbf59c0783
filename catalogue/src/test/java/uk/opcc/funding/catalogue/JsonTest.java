package uk.opcc.funding.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Json reads and writes plain values exactly as the ObjectMapper it replaced in the function did. */
class JsonTest {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String TRICKY = "{\"text\":\"£5 <b> \\\"quoted\\\" \\u2028 \\n\",\"int\":7,\"long\":12345678901,\"big\":123456789012345678901234567890,"
            + "\"float\":1250.50,\"exp\":1e3,\"yes\":true,\"no\":false,\"none\":null,\"list\":[1,\"a\",[],{}],\"nested\":{\"b\":{\"c\":[null]}}}";

    @Test
    void readsWhatAnObjectMapperReads() throws Exception {
        assertThat(Json.read(TRICKY)).isEqualTo(MAPPER.readValue(TRICKY, Map.class));
        Map<?, ?> read = (Map<?, ?>) Json.read(TRICKY);
        assertThat(read.get("int")).isInstanceOf(Integer.class);
        assertThat(read.get("long")).isInstanceOf(Long.class);
        assertThat(read.get("big")).isInstanceOf(BigInteger.class);
        assertThat(read.get("float")).isEqualTo(1250.5);
        assertThat(read.keySet().stream().map(String::valueOf).toList()).containsExactly("text", "int", "long", "big", "float", "exp", "yes", "no", "none", "list", "nested");
    }

    @Test
    void writesWhatAnObjectMapperWrites() throws Exception {
        Map<String, Object> value = new LinkedHashMap<>(Map.of("a", 1));
        value.putAll(MAPPER.readValue(TRICKY, Map.class));
        value.put("decimal", new BigDecimal("1850.00"));
        value.put("arrayList", Arrays.asList("x", null));

        assertThat(Json.write(value)).isEqualTo(MAPPER.writeValueAsString(value));
        assertThat(Json.writeIndented(value)).isEqualTo(MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value));
    }

    @Test
    void anEmptyTextIsNothingAndBrokenJsonIsRefused() throws Exception {
        assertThat(Json.read("")).isNull();
        assertThat(Json.read("  ")).isNull();
        assertThatThrownBy(() -> Json.read("{\"a\":")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> Json.read("{a:1}")).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void strictReadingRefusesAKeyNamedTwice() throws Exception {
        assertThat(Json.read("{\"a\":1,\"a\":2}")).isEqualTo(Map.of("a", 2));
        assertThatThrownBy(() -> Json.readStrict("{\"a\":1,\"a\":2}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> Json.readStrict("{\"a\":1} garbage")).as("after the root").isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> Json.readStrict("{\"a\":1}{\"b\":2}")).as("a second root").isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> Json.readStrict("{\"a\":\"\\ud800\"}")).as("a lone high surrogate").isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> Json.readStrict("{\"a\":[\"x\\udc00\"]}")).as("a lone low surrogate").isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> Json.readStrict("{\"\\ud800\":\"x\"}")).as("in a key").isInstanceOf(JsonProcessingException.class);
        assertThat(Json.readStrict("{\"a\":\"\\ud83d\\ude00\"}  \n")).as("a whole pair, then white space").isEqualTo(Map.of("a", "😀"));
    }

    @Test
    void refusesToWriteAnythingButPlainValues() {
        assertThatThrownBy(() -> Json.write(Map.of("when", Instant.EPOCH))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.time.Instant");
    }
}
