package uk.gov.service.notify;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.time.Duration;

/**
 * GOV.UK Notify's own client with connect and read timeouts. The client opens its connections without any
 * (a Notify that stops answering would hold the reminder sender for ever) and offers no setting for them;
 * its one hook, {@code getConnection}, is package-private, hence this class in the client's package. It
 * changes nothing else: requests, signing and errors are the client's.
 */
public class TimeBoundNotificationClient extends NotificationClient {

    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;

    public TimeBoundNotificationClient(String apiKey, String baseUrl, Duration connectTimeout, Duration readTimeout) {
        super(apiKey, baseUrl);
        this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
        this.readTimeoutMillis = Math.toIntExact(readTimeout.toMillis());
    }

    @Override
    HttpURLConnection getConnection(URL url) throws IOException {
        HttpURLConnection connection = super.getConnection(url);
        connection.setConnectTimeout(connectTimeoutMillis);
        connection.setReadTimeout(readTimeoutMillis);
        return connection;
    }
}
