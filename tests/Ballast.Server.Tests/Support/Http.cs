using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Ballast.Server.Tests.Support;

public static class Http
{
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonElement> JsonOf(HttpResponseMessage r) => (await r.Content.ReadFromJsonAsync<JsonElement>());

    /// <summary>Asserts an RFC 7807 body with the given status.</summary>
    public static async Task<JsonElement> AssertProblem(HttpResponseMessage r, int status)
    {
        string body = await r.Content.ReadAsStringAsync();
        Assert.True((int)r.StatusCode == status, $"expected {status}, got {(int)r.StatusCode}: {body}");
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        var doc = JsonDocument.Parse(body).RootElement;
        Assert.Equal(status, doc.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(doc.GetProperty("title").GetString()));
        return doc;
    }

    /// <summary>A listed series name: the first call of the first board at the given strike.</summary>
    public static async Task<string> SeriesName(HttpClient c, decimal strike = 3000m, string type = "call")
    {
        var all = await JsonOf(await c.GetAsync("/v1/series"));
        return all.EnumerateArray().First(s => s.GetProperty("strike").GetDecimal() == strike && s.GetProperty("type").GetString() == type).GetProperty("name").GetString()!;
    }

    public static async Task FundAlice(BallastFactory f)
    {
        var c = f.ClientAs("trader");
        var r = await c.PostAsync("/v1/accounts/alice/deposits", Json("""{"asset":"quote","amount":1000000}"""));
        r.EnsureSuccessStatusCode();
        r = await c.PostAsync("/v1/accounts/alice/deposits", Json("""{"asset":"base","amount":100}"""));
        r.EnsureSuccessStatusCode();
    }
}
