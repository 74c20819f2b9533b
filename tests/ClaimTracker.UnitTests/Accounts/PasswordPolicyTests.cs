using ClaimTracker.Domain.Accounts;

namespace ClaimTracker.UnitTests.Accounts;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("kurz")]
    [InlineData("elevenchars")]
    public void Check_ShorterThanTwelve_NamesTheMinimum(string password)
    {
        var problems = PasswordPolicy.Check(password);
        Assert.Contains(problems, p => p.Contains("at least 12 characters"));
    }

    [Fact]
    public void Check_RepeatedCharacter_IsTooWeak()
    {
        var problems = PasswordPolicy.Check("aaaaaaaaaaaaaaaa");
        Assert.Contains(problems, p => p.Contains("different characters"));
    }

    [Theory]
    [InlineData("Grüße aus Pjöngjang")]
    [InlineData("correct horse battery staple")]
    public void Check_LongPassphrase_Passes(string password) =>
        Assert.Empty(PasswordPolicy.Check(password));

    [Fact]
    public void Generate_MeetsPolicy_AndDiffersEachTime()
    {
        var first = PasswordPolicy.Generate();
        var second = PasswordPolicy.Generate();
        Assert.Equal(PasswordPolicy.GeneratedLength, first.Length);
        Assert.Empty(PasswordPolicy.Check(first));
        Assert.NotEqual(first, second);
    }
}
