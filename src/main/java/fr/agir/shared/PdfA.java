package fr.agir.shared;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.Calendar;
import java.util.TimeZone;
import javax.xml.transform.TransformerException;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * What makes a PDF drawn with PDFBox archivable as PDF/A-2b, in one place for every document Agir
 * produces ({@link PdfDocumentBuilder}, {@link PdfTableBuilder}): fonts embedded from the application's
 * own files (Liberation Sans, SIL Open Font License, {@code resources/fonts/}), XMP metadata that
 * identifies the file as PDF/A-2b and repeats its information dictionary, and an sRGB output intent.
 */
public final class PdfA {
    /** Who the documents come from (information dictionary's Author, XMP dc:creator). */
    public static final String AUTHOR = "Département de la Seine-Saint-Denis — Agir";
    /** The application that made them (Creator / xmp:CreatorTool, Producer / pdf:Producer). */
    public static final String TOOL = "Agir";
    static final String SRGB = "sRGB IEC61966-2.1";

    private static final byte[] REGULAR = resource("fonts/LiberationSans-Regular.ttf");
    private static final byte[] BOLD = resource("fonts/LiberationSans-Bold.ttf");
    private static final BitSet DRAWABLE = drawable(REGULAR, BOLD);
    private static final float[] REGULAR_WIDTHS = widths(REGULAR);
    private static final float[] BOLD_WIDTHS = widths(BOLD);
    private static final byte[] ICC = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    /**
     * One XMP serializer per thread: building one looks up an XML parser factory through a ServiceLoader
     * scan of the class path, a noticeable part of rendering a short PDF (docs/PERFORMANCE.md, issue 16).
     */
    private static final ThreadLocal<XmpSerializer> XMP = ThreadLocal.withInitial(XmpSerializer::new);

    private PdfA() {
    }

    /** The regular and bold faces, embedded (subset: only the glyphs used) in {@code document}. */
    public record Fonts(PDType0Font regular, PDType0Font bold) {
        public PDType0Font of(boolean bold) {
            return bold ? this.bold : regular;
        }
    }

    public static Fonts fonts(PDDocument document) {
        return new Fonts(load(document, REGULAR), load(document, BOLD));
    }

    /**
     * A face embedded as a subset. Its glyph substitutions (GSUB: ligatures) are off: PDFBox would compile
     * regular expressions for them on every line drawn (about thirty times slower), and French text
     * needs none. The font is closed with the document.
     */
    private static PDType0Font load(PDDocument document, byte[] face) {
        try {
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(face));
            ttf.setEnableGsub(false);
            document.registerTrueTypeFontForClosing(ttf);
            return PDType0Font.load(document, ttf, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text as the fonts draw it: French typography stays (« », ’, non-breaking spaces, €, œ),
     * tabs become spaces, carriage returns and other control characters go, and a character the font
     * has no glyph for (an emoji, a CJK ideogram) becomes "?" rather than failing the document.
     */
    public static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n') {
                out.append('\n');
            } else if (c == '\t') {
                out.append(' ');
            } else if (c == '\u2011') {
                out.append('-');
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                // nothing to draw
            } else {
                out.append(c <= 0xFFFF && DRAWABLE.get(c) ? (char) c : '?');
            }
        });
        return out.toString();
    }

    /**
     * The width of {@code text} (already {@link #printable}) in one of the faces of {@link #fonts}, from
     * advance widths read once: PDFBox's own {@code getStringWidth} on an embedded Type 0 font costs
     * about a tenth of a millisecond a call, and wrapping measures every candidate line.
     */
    public static float width(PDFont font, float size, String text) {
        float[] widths = font.getName() != null && font.getName().endsWith("LiberationSans-Bold") ? BOLD_WIDTHS
                : font.getName() != null && font.getName().endsWith("LiberationSans") ? REGULAR_WIDTHS : null;
        try {
            if (widths == null) {
                return font.getStringWidth(text) / 1000 * size;
            }
            float total = 0;
            for (int i = 0; i < text.length(); i++) {
                total += widths[text.charAt(i)];
            }
            return total / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes {@code document} PDF/A-2b once its pages are drawn: information dictionary, XMP metadata
     * matching it (title, author, tool, dates, PDF/A-2b identification) and the sRGB output intent.
     */
    public static void archivable(PDDocument document, String title) {
        Calendar now = Calendar.getInstance(TimeZone.getTimeZone("Europe/Paris"));
        now.set(Calendar.MILLISECOND, 0);
        String cleanTitle = printable(title).replace('\n', ' ');
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(cleanTitle);
        info.setAuthor(AUTHOR);
        info.setCreator(TOOL);
        info.setProducer(TOOL);
        info.setCreationDate(now);
        info.setModificationDate(now);
        try {
            XMPMetadata xmp = XMPMetadata.createXMPMetadata();
            PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
            id.setPart(2);
            id.setConformance("B");
            DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
            dc.setTitle(cleanTitle);
            dc.addCreator(AUTHOR);
            dc.setFormat("application/pdf");
            XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
            basic.setCreatorTool(TOOL);
            basic.setCreateDate(now);
            basic.setModifyDate(now);
            AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
            pdf.setProducer(TOOL);
            ByteArrayOutputStream serialized = new ByteArrayOutputStream();
            XMP.get().serialize(xmp, serialized, true);
            PDMetadata metadata = new PDMetadata(document);
            metadata.importXMPMetadata(serialized.toByteArray());
            document.getDocumentCatalog().setMetadata(metadata);

            PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(ICC));
            intent.setInfo(SRGB);
            intent.setOutputCondition(SRGB);
            intent.setOutputConditionIdentifier(SRGB);
            intent.setRegistryName("http://www.color.org");
            document.getDocumentCatalog().addOutputIntent(intent);
            document.setVersion(1.7f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (BadFieldValueException | TransformerException e) {
            throw new IllegalStateException("Métadonnées PDF/A impossibles à écrire", e);
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = PdfA.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Police absente de l'application : " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The characters of the Basic Multilingual Plane both faces have a glyph for. */
    private static BitSet drawable(byte[] regular, byte[] bold) {
        BitSet drawable = drawable(regular);
        drawable.and(drawable(bold));
        return drawable;
    }

    /** Advance widths in thousandths of an em, per character of the Basic Multilingual Plane. */
    private static float[] widths(byte[] font) {
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
            var cmap = ttf.getUnicodeCmapLookup();
            float scale = 1000f / ttf.getUnitsPerEm();
            float[] widths = new float[0x10000];
            for (int c = 0; c <= 0xFFFF; c++) {
                widths[c] = ttf.getAdvanceWidth(cmap.getGlyphId(c)) * scale;
            }
            return widths;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BitSet drawable(byte[] font) {
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
            var cmap = ttf.getUnicodeCmapLookup();
            BitSet drawable = new BitSet(0x10000);
            for (int c = 0x20; c <= 0xFFFF; c++) {
                if (cmap.getGlyphId(c) != 0) {
                    drawable.set(c);
                }
            }
            return drawable;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
