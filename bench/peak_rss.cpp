// peak_rss: runs a command and reports its wall time and peak resident set
// size, for systems without GNU time (/usr/bin/time -v).
//
//   peak_rss [-o FILE] COMMAND [ARG...]
//
// Prints "wall_seconds=S max_rss_kb=K exit=E" on stderr (or appends it to
// FILE) and exits with the command's status.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>

int main(int argc, char** argv) {
  int first = 1;
  const char* out_path = nullptr;
  if (argc > 2 && std::strcmp(argv[1], "-o") == 0) {
    out_path = argv[2];
    first = 3;
  }
  if (first >= argc) {
    std::fprintf(stderr, "usage: peak_rss [-o FILE] COMMAND [ARG...]\n");
    return 2;
  }
  auto start = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid < 0) {
    std::perror("peak_rss: fork");
    return 2;
  }
  if (pid == 0) {
    execvp(argv[first], argv + first);
    std::perror("peak_rss: exec");
    _exit(127);
  }
  int status = 0;
  struct rusage usage {};
  if (wait4(pid, &status, 0, &usage) < 0) {
    std::perror("peak_rss: wait4");
    return 2;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  std::FILE* out = out_path ? std::fopen(out_path, "a") : stderr;
  if (!out) out = stderr;
  std::fprintf(out, "wall_seconds=%.3f max_rss_kb=%ld exit=%d\n", seconds, usage.ru_maxrss, code);
  if (out != stderr) std::fclose(out);
  return code;
}
