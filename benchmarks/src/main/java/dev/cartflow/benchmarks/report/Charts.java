package dev.cartflow.benchmarks.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The page's charts as PNG files, drawn with JFreeChart (headless: run with
 * {@code -Djava.awt.headless=true}). A chart without any figure is not drawn: the caller says the
 * suite did not run instead.
 */
final class Charts {
    static final int WIDTH = 900;
    static final int HEIGHT = 540;
    private static final Paint[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b), new Color(0x17becf), new Color(0x7f7f7f)};
    private static final BasicStroke SOLID = new BasicStroke(2f);
    private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {7f, 5f}, 0f);

    /** A line to draw: its points, its colour's index, and whether it is dashed. */
    private record Line(XYSeries series, int colour, boolean dashed) {
    }

    private Charts() {
    }

    /** Pricing time against cart lines (log-log), a line per promotion count, dashed for the second tax mode. */
    static boolean pricingVsLines(List<ResultRow> pricing, Path png) {
        List<Line> lines = new ArrayList<>();
        List<String> modes = Rows.variants(pricing);
        List<Integer> promotionCounts = List.copyOf(Rows.distinct(pricing, "promotions"));
        for (int m = 0; m < modes.size(); m++) {
            for (int p = 0; p < promotionCounts.size(); p++) {
                int promotions = promotionCounts.get(p);
                XYSeries series = new XYSeries(promotions + " promotions, " + modes.get(m));
                for (int cartLines : Rows.distinct(pricing, "lines")) {
                    OptionalDouble ns = Rows.pricingNs(pricing, modes.get(m), cartLines, promotions);
                    ns.ifPresent(v -> series.add(cartLines, v / 1000));
                }
                lines.add(new Line(series, p, m > 0));
            }
        }
        return draw(png, "Pricing time against cart size", log("cart lines", 10), log("µs per call (fastest)", 10),
                lines, targetMarker());
    }

    /** Pricing time against promotions (log time), a line per cart size, dashed for the second tax mode. */
    static boolean pricingVsPromotions(List<ResultRow> pricing, Path png) {
        List<Line> lines = new ArrayList<>();
        List<String> modes = Rows.variants(pricing);
        List<Integer> sizes = List.copyOf(Rows.distinct(pricing, "lines"));
        for (int m = 0; m < modes.size(); m++) {
            for (int l = 0; l < sizes.size(); l++) {
                int cartLines = sizes.get(l);
                XYSeries series = new XYSeries(cartLines + (cartLines == 1 ? " line, " : " lines, ") + modes.get(m));
                for (int promotions : Rows.distinct(pricing, "promotions")) {
                    Rows.pricingNs(pricing, modes.get(m), cartLines, promotions)
                            .ifPresent(v -> series.add(promotions, v / 1000));
                }
                lines.add(new Line(series, l, m > 0));
            }
        }
        NumberAxis promotions = new NumberAxis("promotions");
        promotions.setTickUnit(new NumberTickUnit(5));
        return draw(png, "Pricing time against promotions", promotions, log("µs per call (fastest)", 10), lines,
                targetMarker());
    }

    /**
     * HTTP throughput against clients: a line per variant of the load suite (the ceilings, trivial and
     * pgbench, dashed) and one per variant of the stress ramp (dotted colours after them).
     */
    static boolean httpThroughput(List<ResultRow> load, List<ResultRow> stress, Path png) {
        List<Line> lines = new ArrayList<>();
        int colour = 0;
        for (String variant : Rows.variants(load)) {
            lines.add(new Line(byClients(load, variant, "throughput", variant), colour++, isCeiling(variant)));
        }
        for (String variant : Rows.variants(stress)) {
            lines.add(new Line(byClients(stress, variant, "throughput", "stress ramp, " + variant), colour++, true));
        }
        return draw(png, "HTTP throughput against clients", log("clients", 2), new NumberAxis("requests per second"),
                lines, null);
    }

    /**
     * A suite's throughput against clients, a line per variant, the ceilings (pgbench, redis-benchmark,
     * trivial) dashed: the engine-level suites (jdbi-load, redis-load).
     */
    static boolean throughput(List<ResultRow> rows, String title, String unit, Path png) {
        List<Line> lines = new ArrayList<>();
        List<String> variants = Rows.variants(rows);
        for (int v = 0; v < variants.size(); v++) {
            lines.add(new Line(byClients(rows, variants.get(v), "throughput", variants.get(v)), v,
                    isCeiling(variants.get(v))));
        }
        return draw(png, title, log("clients", 2), new NumberAxis(unit), lines, null);
    }

    /** HTTP latency against clients (log latency): p50 solid and p99 dashed, one colour per variant. */
    static boolean httpLatency(List<ResultRow> load, Path png) {
        List<Line> lines = new ArrayList<>();
        List<String> variants = Rows.variants(load);
        for (int v = 0; v < variants.size(); v++) {
            lines.add(new Line(byClients(load, variants.get(v), "p50_ms", variants.get(v) + " p50"), v, false));
            lines.add(new Line(byClients(load, variants.get(v), "p99_ms", variants.get(v) + " p99"), v, true));
        }
        return draw(png, "HTTP latency against clients", log("clients", 2), log("ms", 10), lines, null);
    }

    private static boolean isCeiling(String variant) {
        return variant.equals("trivial") || variant.equals("pgbench") || variant.equals("redis-benchmark");
    }

    private static XYSeries byClients(List<ResultRow> rows, String variant, String figure, String name) {
        XYSeries series = new XYSeries(name);
        for (int clients : Rows.distinct(rows.stream().filter(r -> r.variant().equals(variant)).toList(), "clients")) {
            Rows.atClients(rows, variant, clients, figure).ifPresent(v -> series.add(clients, v));
        }
        return series;
    }

    private static LogAxis log(String label, int base) {
        LogAxis axis = new LogAxis(label);
        axis.setBase(base);
        axis.setTickUnit(new NumberTickUnit(1)); // one tick per power of the base
        axis.setNumberFormatOverride(new DecimalFormat(base == 2 ? "0" : "0.###"));
        axis.setSmallestValue(1e-3);
        return axis;
    }

    /** The issue's pricing limit, drawn across the pricing charts. */
    private static ValueMarker targetMarker() {
        ValueMarker marker = new ValueMarker(Targets.TARGET_NS / 1000, Color.GRAY, DASHED);
        marker.setLabel(String.format(Locale.ROOT, "target for %d lines x %d promotions: %.0f µs",
                Targets.TARGET_LINES, Targets.TARGET_PROMOTIONS, Targets.TARGET_NS / 1000));
        marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        return marker;
    }

    private static boolean draw(Path png, String title, ValueAxis x, ValueAxis y, List<Line> lines,
                                ValueMarker rangeMarker) {
        boolean logY = y instanceof LogAxis;
        boolean logX = x instanceof LogAxis;
        XYSeriesCollection data = new XYSeriesCollection();
        List<Line> drawn = new ArrayList<>();
        for (Line line : lines) {
            XYSeries positive = new XYSeries(line.series().getKey(), true, true);
            for (int i = 0; i < line.series().getItemCount(); i++) {
                double px = line.series().getX(i).doubleValue();
                double py = line.series().getY(i).doubleValue();
                if ((!logX || px > 0) && (!logY || py > 0)) { // a log axis cannot place zero
                    positive.add(px, py);
                }
            }
            if (!positive.isEmpty()) {
                data.addSeries(positive);
                drawn.add(line);
            }
        }
        if (drawn.isEmpty()) {
            return false;
        }
        if (y instanceof LogAxis logAxis && logAxis.getBase() == 10) {
            double ratio = data.getRangeUpperBound(false) / data.getRangeLowerBound(false);
            // within about a decade, one label per decade is one label: label every doubling instead
            logAxis.setTickUnit(new NumberTickUnit(ratio < 30 ? Math.log10(2) : 1));
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, x.getLabel(), y.getLabel(), data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setDomainAxis(x);
        plot.setRangeAxis(y);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        chart.setBackgroundPaint(Color.WHITE);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < drawn.size(); i++) {
            renderer.setSeriesPaint(i, PALETTE[drawn.get(i).colour() % PALETTE.length]);
            renderer.setSeriesStroke(i, drawn.get(i).dashed() ? DASHED : SOLID);
        }
        plot.setRenderer(renderer);
        if (rangeMarker != null) {
            plot.addRangeMarker(rangeMarker);
        }
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chart " + png, e);
        }
        return true;
    }
}
