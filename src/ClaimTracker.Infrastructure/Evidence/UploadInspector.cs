using System.Buffers.Binary;
using System.Text;

namespace ClaimTracker.Infrastructure.Evidence;

/// <summary>An upload judged by its bytes: its type and the bytes to keep (without location metadata), or why it is refused.</summary>
public sealed record InspectedUpload(string? ContentType, byte[]? Bytes, string? Refusal)
{
    public bool Accepted => Refusal is null;

    internal static InspectedUpload Refuse(string why) => new(null, null, why);
}

/// <summary>
/// Decides what an uploaded file is from its bytes — PNG, JPEG, WebP or PDF — never from its name or the type the browser
/// declared; a name or declared type that says otherwise, bytes after the format's end (a second file hidden behind the
/// first, as in GIFAR-style polyglots) or markup at the start are refused. Metadata that can locate a person is removed:
/// EXIF and XMP blocks of JPEG, PNG and WebP files (GPS positions live there).
/// </summary>
public static class UploadInspector
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".jfif"] = "image/jpeg", [".webp"] = "image/webp", [".pdf"] = "application/pdf",
    };

    private static readonly Dictionary<string, string> Names = new()
    {
        ["image/png"] = "a PNG image", ["image/jpeg"] = "a JPEG image", ["image/webp"] = "a WebP image", ["application/pdf"] = "a PDF document",
    };

    public static InspectedUpload Inspect(byte[] bytes, string? fileName, string? declaredType, long maxBytes)
    {
        if (bytes.Length == 0)
        {
            return InspectedUpload.Refuse("The file is empty.");
        }
        if (bytes.Length > maxBytes)
        {
            return InspectedUpload.Refuse($"The file has {bytes.Length / (1024.0 * 1024):0.#} MB; at most {maxBytes / (1024 * 1024)} MB are accepted.");
        }
        var detected = Detect(bytes);
        if (detected is null)
        {
            return InspectedUpload.Refuse($"Only PNG, JPEG and WebP images and PDF documents are accepted; this file is {Describe(bytes)}.");
        }
        var extension = Path.GetExtension(fileName ?? string.Empty);
        if (extension.Length > 0 && (!Extensions.TryGetValue(extension, out var named) || named != detected))
        {
            return InspectedUpload.Refuse($"The file is named “{Path.GetFileName(fileName)}” but its content is {Names[detected]}. Rename it or choose the right file.");
        }
        var declared = declaredType?.Split(';')[0].Trim().ToLowerInvariant();
        if (declared is { Length: > 0 } && declared != "application/octet-stream" && declared != detected && !(declared == "image/jpg" && detected == "image/jpeg"))
        {
            return InspectedUpload.Refuse($"The file was sent as {declared} but its content is {Names[detected]}.");
        }
        if (LooksLikeMarkup(bytes))
        {
            return InspectedUpload.Refuse("The file carries web markup or script near its start (a file made to be read as two types); it is refused.");
        }
        var (kept, problem) = detected switch
        {
            "image/png" => Png(bytes),
            "image/jpeg" => Jpeg(bytes),
            "image/webp" => WebP(bytes),
            _ => Pdf(bytes),
        };
        return problem is null ? new InspectedUpload(detected, kept, null) : InspectedUpload.Refuse(problem);
    }

    public static string? Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(PngSignature))
        {
            return "image/png";
        }
        if (bytes.Length > 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        {
            return "image/jpeg";
        }
        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }
        return bytes.StartsWith("%PDF-"u8) ? "application/pdf" : null;
    }

    private static string Describe(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 512)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n').ToLowerInvariant();
        return bytes.StartsWith("MZ"u8) || bytes.StartsWith("\u007fELF"u8) ? "a program"
            : bytes.StartsWith("GIF8"u8) ? "a GIF image"
            : bytes.StartsWith("PK\u0003\u0004"u8) ? "a ZIP archive (or an office document)"
            : head.Contains("<svg", StringComparison.Ordinal) ? "an SVG image (SVG can carry script)"
            : head.StartsWith('<') ? "a web page or XML"
            : "of another kind";
    }

    /// <summary>Markup a browser that sniffs would act on: tags like &lt;html&gt;, &lt;script&gt; or &lt;svg&gt; in the first kilobyte.</summary>
    private static bool LooksLikeMarkup(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 1024)]).ToLowerInvariant();
        return head.Contains("<html", StringComparison.Ordinal) || head.Contains("<script", StringComparison.Ordinal)
               || head.Contains("<svg", StringComparison.Ordinal) || head.Contains("<!doctype", StringComparison.Ordinal)
               || head.Contains("<body", StringComparison.Ordinal) || head.Contains("<iframe", StringComparison.Ordinal);
    }

    private const string Trailing = "The file has more data after its end (a second file hidden behind the first); it is refused. Save it again from an image editor or PDF viewer.";
    private const string Broken = "The file is damaged or cut short; it is refused.";

    /// <summary>Chunks up to IEND, nothing after it; eXIf and XMP text chunks dropped.</summary>
    private static (byte[]?, string?) Png(byte[] bytes)
    {
        using var kept = new MemoryStream(bytes.Length);
        kept.Write(PngSignature);
        var position = PngSignature.Length;
        while (true)
        {
            if (position + 12 > bytes.Length)
            {
                return (null, Broken);
            }
            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(position));
            if (length > int.MaxValue || position + 12 + (long)length > bytes.Length)
            {
                return (null, Broken);
            }
            var type = Encoding.ASCII.GetString(bytes, position + 4, 4);
            var chunkLength = 12 + (int)length;
            var data = bytes.AsSpan(position + 8, (int)length);
            var locating = type == "eXIf" || (type is "iTXt" or "tEXt" or "zTXt" && data.StartsWith("XML:com.adobe.xmp\0"u8));
            if (!locating)
            {
                kept.Write(bytes, position, chunkLength);
            }
            position += chunkLength;
            if (type == "IEND")
            {
                return position == bytes.Length ? (kept.ToArray(), null) : (null, Trailing);
            }
        }
    }

    /// <summary>Segments up to the image data, the data up to the end marker, nothing after it; EXIF and XMP (APP1) dropped.</summary>
    private static (byte[]?, string?) Jpeg(byte[] bytes)
    {
        using var kept = new MemoryStream(bytes.Length);
        kept.Write(bytes, 0, 2);
        var position = 2;
        while (true)
        {
            if (position + 4 > bytes.Length || bytes[position] != 0xFF)
            {
                return (null, Broken);
            }
            var marker = bytes[position + 1];
            if (marker == 0xFF)
            {
                position++; // fill byte
                continue;
            }
            if (marker == 0xD9)
            {
                return (null, Broken); // an end before any image data
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(position + 2));
            if (length < 2 || position + 2 + length > bytes.Length)
            {
                return (null, Broken);
            }
            var payload = bytes.AsSpan(position + 4, length - 2);
            var locating = marker == 0xE1 && (payload.StartsWith("Exif\0"u8) || payload.StartsWith("http://ns.adobe.com/xap/1.0/"u8)
                                              || payload.StartsWith("http://ns.adobe.com/xmp/extension/"u8));
            if (!locating)
            {
                kept.Write(bytes, position, 2 + length);
            }
            position += 2 + length;
            if (marker == 0xDA)
            {
                // Entropy-coded data: a 0xFF in it is followed by 0x00 or a restart marker; 0xFF 0xD9 ends the image
                // (and further scans of a progressive JPEG start with their own 0xFF 0xDA segment).
                var start = position;
                while (position + 1 < bytes.Length)
                {
                    if (bytes[position] == 0xFF && bytes[position + 1] is not (0x00 or >= 0xD0 and <= 0xD7 or 0xFF))
                    {
                        break;
                    }
                    position++;
                }
                if (position + 1 >= bytes.Length)
                {
                    return (null, Broken);
                }
                kept.Write(bytes, start, position - start);
                if (bytes[position + 1] == 0xD9)
                {
                    kept.Write(bytes, position, 2);
                    position += 2;
                    return position == bytes.Length ? (kept.ToArray(), null) : (null, Trailing);
                }
            }
        }
    }

    /// <summary>A RIFF container as long as it says, EXIF and XMP chunks dropped (and their flags cleared).</summary>
    private static (byte[]?, string?) WebP(byte[] bytes)
    {
        var declared = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4));
        if (declared + 8L != bytes.Length)
        {
            return declared + 8L < bytes.Length ? (null, Trailing) : (null, Broken);
        }
        using var kept = new MemoryStream(bytes.Length);
        kept.Write(bytes, 0, 12);
        var position = 12;
        var vp8x = -1;
        while (position < bytes.Length)
        {
            if (position + 8 > bytes.Length)
            {
                return (null, Broken);
            }
            var type = Encoding.ASCII.GetString(bytes, position, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(position + 4));
            var chunkLength = 8 + (long)size + (size % 2);
            if (position + chunkLength > bytes.Length)
            {
                return (null, Broken);
            }
            if (type is not ("EXIF" or "XMP "))
            {
                if (type == "VP8X")
                {
                    vp8x = (int)kept.Position;
                }
                kept.Write(bytes, position, (int)chunkLength);
            }
            position += (int)chunkLength;
        }
        var result = kept.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(4), (uint)(result.Length - 8));
        if (vp8x >= 0 && vp8x + 8 < result.Length)
        {
            result[vp8x + 8] &= 0b1111_0011; // no EXIF (bit 3), no XMP (bit 2)
        }
        return (result, null);
    }

    /// <summary>A PDF ends with %%EOF (and at most a line break); anything after it is another file riding along.</summary>
    private static (byte[]?, string?) Pdf(byte[] bytes)
    {
        var end = bytes.AsSpan().LastIndexOf("%%EOF"u8);
        if (end < 0)
        {
            return (null, Broken);
        }
        var rest = bytes.AsSpan(end + 5);
        foreach (var b in rest)
        {
            if (b is not ((byte)'\r' or (byte)'\n' or (byte)' ' or (byte)'\t' or 0))
            {
                return (null, Trailing);
            }
        }
        return (bytes, null);
    }
}
