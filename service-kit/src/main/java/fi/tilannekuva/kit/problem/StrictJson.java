package fi.tilannekuva.kit.problem;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** Makes Jackson refuse a body with anything after the JSON document, instead of silently reading only the first. */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        // Without this, "{...} garbage" or two documents in one body store the first and answer 201.
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
