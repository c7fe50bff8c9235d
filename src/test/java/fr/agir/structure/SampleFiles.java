package fr.agir.structure;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Small real files of each accepted format, and the usual disguises, for the upload tests. */
public final class SampleFiles {
    private SampleFiles() {
    }

    /** A one-page PDF saying {@code text} (different texts give different bytes). */
    public static byte[] pdf(String text) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                content.showText(text);
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] png() {
        return image("png");
    }

    public static byte[] jpeg() {
        return image("jpg");
    }

    public static byte[] odt() {
        return openDocument("application/vnd.oasis.opendocument.text");
    }

    public static byte[] ods() {
        return openDocument("application/vnd.oasis.opendocument.spreadsheet");
    }

    public static byte[] docx() {
        return zip(false, "[Content_Types].xml", "<Types/>", "_rels/.rels", "<Relationships/>",
                "word/document.xml", "<w:document/>");
    }

    /** A .docx whose first entry is not [Content_Types].xml: Tika's magic sees a plain zip. */
    public static byte[] docxContentTypesLast() {
        return zip(false, "word/document.xml", "<w:document/>", "_rels/.rels", "<Relationships/>",
                "[Content_Types].xml", "<Types/>");
    }

    public static byte[] xlsx() {
        return zip(false, "[Content_Types].xml", "<Types/>", "_rels/.rels", "<Relationships/>",
                "xl/workbook.xml", "<workbook/>");
    }

    /**
     * A real-looking .docx whose word/document.xml inflates to {@code inflatedBytes} (mostly spaces):
     * a decompression bomb as an attacker would shape it. Written through a streaming deflater, so
     * that only the compressed bytes are ever held (200 MB of spaces give about 200 KB).
     */
    public static byte[] docxBomb(long inflatedBytes) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "[Content_Types].xml", "<Types/>");
            entry(zip, "_rels/.rels", "<Relationships/>");
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] open = "<w:document><w:body><w:p><w:r><w:t>".getBytes(StandardCharsets.UTF_8);
            byte[] close = "</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8);
            zip.write(open);
            byte[] spaces = new byte[64 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (long left = inflatedBytes - open.length - close.length; left > 0; left -= spaces.length) {
                zip.write(spaces, 0, (int) Math.min(spaces.length, left));
            }
            zip.write(close);
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A .docx with {@code extraEntries} media parts besides its three ordinary ones, each of
     * {@code entryBytes} of varied text (compressing only a few times, as real content does).
     */
    public static byte[] docxWithParts(int extraEntries, int entryBytes) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "[Content_Types].xml", "<Types/>");
            entry(zip, "_rels/.rels", "<Relationships/>");
            entry(zip, "word/document.xml", "<w:document/>");
            java.util.Random random = new java.util.Random(7);
            for (int i = 0; i < extraEntries; i++) {
                StringBuilder text = new StringBuilder(entryBytes);
                while (text.length() < entryBytes) {
                    text.append(Long.toString(random.nextLong(), 36)).append(' ');
                }
                entry(zip, "word/media/part" + i + ".xml", text.substring(0, entryBytes));
            }
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A .docx that also holds {@code name} saying {@code content} (an odd path, a payload…). */
    public static byte[] docxWith(String name, byte[] content) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "[Content_Types].xml", "<Types/>");
            entry(zip, "_rels/.rels", "<Relationships/>");
            entry(zip, "word/document.xml", "<w:document/>");
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The EICAR anti-virus test file (68 bytes): harmless, detected by every antivirus by agreement. */
    public static byte[] eicar() {
        return ("X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** An ordinary zip archive. */
    public static byte[] zip() {
        return zip(false, "lisez-moi.txt", "bonjour");
    }

    /** The start of a Windows program: "MZ", the PE header offset at 0x3C, "PE\0\0" there. */
    public static byte[] windowsExecutable() {
        byte[] exe = new byte[1024];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3C] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        exe[0x84] = (byte) 0x4C;
        exe[0x85] = 0x01;
        for (int i = 0x200; i < exe.length; i++) {
            exe[i] = (byte) (i * 31);
        }
        return exe;
    }

    public static byte[] text() {
        return "Ceci n'est pas un PDF, seulement du texte.\n".getBytes(StandardCharsets.UTF_8);
    }

    /** Bytes of no known format (no magic number). */
    public static byte[] noise() {
        byte[] bytes = new byte[2048];
        new java.util.Random(42).nextBytes(bytes);
        bytes[0] = (byte) 0xFE;
        bytes[1] = (byte) 0x13;
        return bytes;
    }

    private static byte[] image(String format) {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0x000091);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** OpenDocument: an uncompressed "mimetype" entry first, as the specification requires. */
    private static byte[] openDocument(String mimeType) {
        return zip(true, "mimetype", mimeType, "content.xml", "<office:document-content/>",
                "META-INF/manifest.xml", "<manifest:manifest/>");
    }

    private static byte[] zip(boolean firstStored, String... namesAndContents) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                byte[] data = namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
                ZipEntry entry = new ZipEntry(namesAndContents[i]);
                if (i == 0 && firstStored) {
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(data.length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(data);
                zip.closeEntry();
            }
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
