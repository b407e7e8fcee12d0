package uk.org.quadrant.gateway.benchmarks;

import io.micronaut.core.annotation.Nullable;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * An EES tidy CSV the manager uploaded on the import page: its name and bytes, as they came. Between the
 * check (a dry run) and the import it travels in the page's hidden {@code checked} field, gzipped and
 * base64url-encoded ({@link #carried()}), so the manager imports the file that was checked without
 * choosing it again and the gateway keeps nothing between requests. indicators-service checks it again
 * on the import, so the hidden copy needs no seal: whoever could change it could upload any file anyway.
 */
record EesFile(String name, byte[] bytes) {

    /** The largest file the page takes: 5 MB, about 12 times the children looked after file of 2025. */
    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final String MAX_WORDS = "5 MB";
    private static final int MAX_NAME = 200;

    /**
     * Why an uploaded file cannot be checked, in the words of the file field's error message, or null
     * when it is a CSV of the right size: nothing chosen, empty, too big, not named .csv, or not text
     * (a spreadsheet saved as .csv, or not UTF-8).
     */
    @Nullable
    static String problem(@Nullable String filename, long size, @Nullable byte[] bytes) {
        if ((filename == null || filename.isBlank()) && size <= 0) {
            return "Select the CSV file downloaded from Explore Education Statistics";
        }
        if (size <= 0) {
            return "The selected file is empty";
        }
        if (size > MAX_BYTES) {
            return "The selected file must be smaller than " + MAX_WORDS;
        }
        if (filename == null || !filename.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return "The selected file must be a CSV";
        }
        if (bytes != null && !isText(bytes)) {
            return "The selected file must be a CSV saved as UTF-8 text, as Explore Education Statistics publishes it";
        }
        return null;
    }

    /** UTF-8 (with or without a BOM) and no NUL: a CSV, not a workbook renamed. */
    static boolean isText(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The name as the browser sent it, without any folder, control characters or excess length; null when there is none. */
    @Nullable
    static String cleanName(@Nullable String filename) {
        if (filename == null) {
            return null;
        }
        String name = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1)
                .codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.isEmpty()) {
            return null;
        }
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }

    /** The file for the page's hidden field: gzip, then base64url (no characters a form has to escape). */
    String carried() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, bytes.length / 6));
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /** The checked file back from the hidden field; empty when the field is not one (or unpacks to more than a file may be). */
    static Optional<EesFile> fromCarried(@Nullable String name, @Nullable String carried) {
        if (carried == null || carried.isBlank()) {
            return Optional.empty();
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(carried.strip())))) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length == 0 || bytes.length > MAX_BYTES) {
                return Optional.empty();
            }
            String clean = cleanName(name);
            return Optional.of(new EesFile(clean == null ? "file.csv" : clean, bytes));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** "402 KB", "1.2 MB", "800 bytes". */
    String size() {
        int n = bytes.length;
        if (n < 1024) {
            return n + (n == 1 ? " byte" : " bytes");
        }
        if (n < 1024 * 1024) {
            return Math.round(n / 1024.0) + " KB";
        }
        return String.format(Locale.UK, "%.1f MB", n / (1024.0 * 1024.0));
    }
}
