using ClaimTracker.Domain.Text;

namespace ClaimTracker.Domain.Evidence;

/// <summary>A screenshot, image or PDF attached as evidence to a source or a statement, with a caption.</summary>
public sealed class EvidenceFile
{
    public const int CaptionMaxLength = 500;
    public const int FileNameMaxLength = 200;

    private EvidenceFile()
    {
    }

    public int Id { get; private set; }

    public int? SourceId { get; private set; }

    public int? StatementId { get; private set; }

    public string Caption { get; private set; } = string.Empty;

    public string FileName { get; private set; } = string.Empty;

    public string ContentType { get; private set; } = string.Empty;

    public string Sha256 { get; private set; } = string.Empty;

    public long Length { get; private set; }

    public string AddedBy { get; private set; } = string.Empty;

    public DateTime AddedAtUtc { get; private set; }

    public static IReadOnlyList<FieldError> Validate(string? caption)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(caption))
        {
            errors.Add(new FieldError("Caption", "Say what the file shows (a caption), e.g. “Screenshot of the deleted post, taken 3 May”."));
        }
        errors.AddIfFailed("Caption", TextRules.CheckSingleLine("Caption", caption, CaptionMaxLength));
        return errors;
    }

    public static EvidenceFile ForSource(int sourceId, string caption, string fileName, string contentType, string sha256, long length,
        string user, DateTime nowUtc) =>
        Create(sourceId, null, caption, fileName, contentType, sha256, length, user, nowUtc);

    public static EvidenceFile ForStatement(int statementId, string caption, string fileName, string contentType, string sha256, long length,
        string user, DateTime nowUtc) =>
        Create(null, statementId, caption, fileName, contentType, sha256, length, user, nowUtc);

    private static EvidenceFile Create(int? sourceId, int? statementId, string caption, string fileName, string contentType, string sha256,
        long length, string user, DateTime nowUtc)
    {
        if (Validate(caption) is [var first, ..])
        {
            throw new DomainRuleException(first.Field, first.Message);
        }
        var name = new string(Path.GetFileName(fileName ?? string.Empty).Where(c => !char.IsControl(c)).ToArray()).Trim();
        return new EvidenceFile
        {
            SourceId = sourceId,
            StatementId = statementId,
            Caption = TextRules.Normalise(caption.Trim()),
            FileName = name.Length == 0 ? "evidence" : name[..Math.Min(name.Length, FileNameMaxLength)],
            ContentType = contentType,
            Sha256 = sha256,
            Length = length,
            AddedBy = user,
            AddedAtUtc = nowUtc,
        };
    }
}
