using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Serve;

/// <summary><c>rubric serve</c> as a command: where it listens by default, the warning for another address, bad options.</summary>
[NonParallelizable] // it sets the current directory (CliFixture)
public sealed class ServeCommandTests : CliFixture
{
    [Test]
    public async Task Serve_listens_on_127_0_0_1_by_default_and_serves_the_page_and_the_vendored_editor()
    {
        using var server = ServeProcess.Start(Temp.Path);
        server.Address.Host.Should().Be("127.0.0.1");
        using var client = new HttpClient { BaseAddress = server.Address };

        var page = await client.GetStringAsync("/");
        page.Should().Contain("""<script src="/assets/codemirror.js"></script>""").And.NotContain("{{TOKEN}}").And.NotContain("https://");
        var editor = await client.GetAsync("/assets/codemirror.js");
        editor.Content.Headers.ContentType!.ToString().Should().Be("text/javascript; charset=utf-8");
        (await editor.Content.ReadAsStringAsync()).Should().Contain("CodeMirror.version = \"5.65.8\"");
        server.Errors.Should().BeEmpty("no warning on the loopback address");
    }

    [Test]
    public async Task Serve_on_another_address_needs_host_and_warns()
    {
        using var server = ServeProcess.Start(Temp.Path, "--host", "0.0.0.0");
        var warning = $"rubric: warning: listening on 0.0.0.0, not only on this machine: anyone who can reach this address can read and save the rubrics in {Temp.Path}";
        for (var waited = 0; waited < 50 && !server.Errors.Contains(warning, StringComparison.Ordinal); waited++)
        {
            await Task.Delay(100); // stderr arrives on its own stream, maybe after the address line
        }

        server.Errors.Should().Be(warning);
    }

    [Test]
    public void Serve_refuses_a_missing_root_a_bad_host_and_a_port_out_of_range()
    {
        var missing = Temp.File("none");
        Run("serve", "--root", missing).Should().Be((1, "", $"rubric: the folder {missing} does not exist; give --root an existing folder{Environment.NewLine}"));
        Run("serve", "--root", Temp.Path, "--host", "example.org").Should().Be((1, "", $"rubric: --host example.org is not an IP address; give one such as 127.0.0.1{Environment.NewLine}"));
        var (exit, _, error) = Run("serve", "--root", Temp.Path, "--port", "70000");
        exit.Should().Be(1);
        error.Should().Contain("--port must be a whole number from 0 to 65535");
    }
}
