package fi.tilannekuva.kit.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A body is read as written: no trailing document, no key twice, no value coerced from another JSON type. */
class StrictJsonTest {

    record Item(String subtask, String status, String comment, Boolean supportNeeded, Integer size) {}

    record Round(String region, Instant reportedAt, List<Item> items) {}

    private final ObjectMapper mapper = StrictJson.apply(new ObjectMapper().registerModule(new JavaTimeModule()));

    @Test
    void aWellTypedBodyIsRead() throws Exception {
        Round round = mapper.readValue(
                "{\"region\":\"lappi\",\"reportedAt\":\"2021-10-15T09:00:00Z\",\"items\":[{\"subtask\":\"JO-E-5.8\","
                        + "\"status\":\"DONE\",\"comment\":\"ok\",\"supportNeeded\":true,\"size\":3}]}",
                Round.class);
        assertEquals("lappi", round.region());
        assertEquals(Boolean.TRUE, round.items().get(0).supportNeeded());
    }

    @Test
    void aKeyGivenTwiceIsRefusedNamingIt() {
        JsonProcessingException e = assertThrows(
                JsonProcessingException.class,
                () -> mapper.readValue("{\"region\":\"lappi\",\"region\":\"kanta-hame\"}", Round.class));
        assertTrue(e.getOriginalMessage().contains("Duplicate field 'region'"), e.getOriginalMessage());
    }

    @Test
    void valuesOfAnotherJsonTypeAreNotCoerced() {
        for (String item : List.of(
                "{\"supportNeeded\":\"true\"}",
                "{\"supportNeeded\":1}",
                "{\"comment\":true}",
                "{\"comment\":5}",
                "{\"size\":\"3\"}")) {
            assertThrows(
                    JsonProcessingException.class, () -> mapper.readValue(item, Item.class), item + " was coerced");
        }
    }

    @Test
    void aSecondDocumentAfterTheFirstIsRefused() {
        assertThrows(JsonProcessingException.class, () -> mapper.readValue("{} {}", Item.class));
    }
}
