package uk.org.quadrant.audits.changelog;

import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;
import uk.org.quadrant.common.changelog.ChangeRecorded;

/** Every recorded change invalidates the cached read models: bumps the {@link DataVersion} in the change's own transaction. */
@Singleton
class DataVersionOnChange implements ApplicationEventListener<ChangeRecorded> {

    private final DataVersion dataVersion;

    DataVersionOnChange(DataVersion dataVersion) {
        this.dataVersion = dataVersion;
    }

    @Override
    public void onApplicationEvent(ChangeRecorded event) {
        dataVersion.bump();
    }
}
