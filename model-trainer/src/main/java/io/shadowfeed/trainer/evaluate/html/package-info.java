/**
 * The self-contained HTML evaluation report ({@link io.shadowfeed.trainer.evaluate.html.HtmlReportWriter}): inline
 * CSS and SVG drawn in Java, no script and no external resource, every string escaped.
 */
package io.shadowfeed.trainer.evaluate.html;
