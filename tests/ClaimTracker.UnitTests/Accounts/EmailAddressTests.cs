using ClaimTracker.Domain.Accounts;

namespace ClaimTracker.UnitTests.Accounts;

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("redaktion@example.org", "redaktion@example.org")]
    [InlineData("  jürgen.müller@zeitung.de ", "jürgen.müller@zeitung.de")]
    [InlineData("faktencheck+claims@newsroom.example.com", "faktencheck+claims@newsroom.example.com")]
    public void TryNormalise_ValidAddress_ReturnsTrimmedAddress(string input, string expected)
    {
        Assert.True(EmailAddress.TryNormalise(input, out var normalised, out var error));
        Assert.Equal(expected, normalised);
        Assert.Empty(error);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("admin@localhost")]
    [InlineData("Redaktion <redaktion@example.org>")]
    [InlineData("two words@example.org")]
    [InlineData("admin@example.")]
    [InlineData("@example.org")]
    [InlineData("x@x.test?subject=Hallo&body=Klick")]
    [InlineData("leser#1@example.org")]
    [InlineData("leser%40@example.org")]
    public void TryNormalise_InvalidAddress_ExplainsWithTheInput(string input)
    {
        Assert.False(EmailAddress.TryNormalise(input, out _, out var error));
        Assert.Contains("not a valid email address", error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void TryNormalise_Empty_AsksForAnAddress(string? input)
    {
        Assert.False(EmailAddress.TryNormalise(input, out _, out var error));
        Assert.Equal("Enter an email address.", error);
    }

    [Fact]
    public void TryNormalise_TooLong_IsRejected()
    {
        var input = new string('a', 250) + "@example.org";
        Assert.False(EmailAddress.TryNormalise(input, out _, out var error));
        Assert.Contains("Email can have at most 256 characters", error);
    }
}
