package uk.org.quadrant.gateway.identity.mfa;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code as an inline SVG element (no image request, no script, no style attribute, so the page's
 * CSP needs nothing new), with a title for screen readers; the page prints the same key as text beside it.
 */
final class QrCodeSvg {

    private static final int BORDER = 4;

    private QrCodeSvg() {
    }

    static String of(String text, String titleId, String title) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + BORDER * 2;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"quadrant-qr\" width=\"" + (size * 6) + "\" height=\"" + (size * 6)
                + "\" viewBox=\"0 0 " + size + " " + size + "\" role=\"img\" aria-labelledby=\"" + titleId + "\" shape-rendering=\"crispEdges\">"
                + "<title id=\"" + titleId + "\">" + escape(title) + "</title>"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
                + "<path d=\"" + path + "\" fill=\"#000000\"/></svg>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
