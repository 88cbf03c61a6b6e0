package io.shadowfeed.trainer.evaluate.html;

/** A small builder of inline SVG markup; text and titles are escaped here. */
final class Svg {
    private final StringBuilder out = new StringBuilder();

    Svg(String cssClass, double width, double height, String label) {
        out.append("<svg class=\"").append(Html.escape(cssClass)).append("\"")
                .append(" width=\"").append(Html.px(width)).append("\" height=\"").append(Html.px(height))
                .append("\" viewBox=\"0 0 ").append(Html.px(width)).append(' ').append(Html.px(height))
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(label)).append("\">");
    }

    Svg rect(double x, double y, double width, double height, String fill, double opacity, String title) {
        out.append("<rect x=\"").append(Html.px(x)).append("\" y=\"").append(Html.px(y)).append("\" width=\"")
                .append(Html.px(Math.max(0, width))).append("\" height=\"").append(Html.px(Math.max(0, height)))
                .append("\" fill=\"").append(fill).append('"');
        if (opacity < 1) {
            out.append(" fill-opacity=\"").append(Html.number(opacity, 2)).append('"');
        }
        if (title == null) {
            out.append("/>");
        } else {
            out.append("><title>").append(Html.escape(title)).append("</title></rect>");
        }
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke) {
        out.append("<line x1=\"").append(Html.px(x1)).append("\" y1=\"").append(Html.px(y1)).append("\" x2=\"")
                .append(Html.px(x2)).append("\" y2=\"").append(Html.px(y2)).append("\" stroke=\"").append(stroke)
                .append("\"/>");
        return this;
    }

    /** Text; {@code anchor} is start, middle or end; {@code rotate} in degrees around the anchor point. */
    Svg text(double x, double y, String text, String anchor, int size, double rotate) {
        out.append("<text x=\"").append(Html.px(x)).append("\" y=\"").append(Html.px(y))
                .append("\" text-anchor=\"").append(anchor).append("\" font-size=\"").append(size).append('"');
        if (rotate != 0) {
            out.append(" transform=\"rotate(").append(Html.px(rotate)).append(' ').append(Html.px(x)).append(' ')
                    .append(Html.px(y)).append(")\"");
        }
        out.append('>').append(Html.escape(text)).append("</text>");
        return this;
    }

    Svg polyline(double[] xs, double[] ys, String stroke) {
        out.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"").append(stroke).append("\" points=\"");
        for (int i = 0; i < xs.length; i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(Html.px(xs[i])).append(',').append(Html.px(ys[i]));
        }
        out.append("\"/>");
        return this;
    }

    String end() {
        return out.append("</svg>").toString();
    }
}
