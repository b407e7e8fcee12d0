package uk.org.quadrant.indicators;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import uk.org.quadrant.common.openapi.OpenApiDocumentContract;

/** {@link OpenApiDocumentContract} for the document this service serves. */
@MicronautTest
class OpenApiDocumentTest extends OpenApiDocumentContract {

    @Override
    protected String documentPath() {
        return "/openapi/indicators-service.json";
    }
}
