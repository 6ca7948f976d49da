// The native floor: floor-server.ts in C. It answers the bench client's WebSocket handshake with a
// constant, replies to a data-sync with a constant full payload and to a ping with the pong, and on
// "fanout" (a line on stdin) writes one pre-built patch frame to every socket with write(2) in a
// loop. No user-space server writing one message per connection can do less per socket, so its
// fan-out shows the machine's own cost (kernel and loopback), without the event loop or V8.
// Replies are JSON lines on stdout. Build: cc -O2 -o floor-server floor-server.c

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static const char RESPONSE[] =
    "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
    "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n";

struct frame {
  unsigned char bytes[1024];
  size_t length;
};

static struct frame make_frame(const char *text) {
  struct frame f;
  size_t n = strlen(text);
  size_t head = n < 126 ? 2 : 4;
  if (n + head > sizeof f.bytes) abort();
  f.bytes[0] = 0x81;
  if (n < 126) {
    f.bytes[1] = (unsigned char)n;
  } else {
    f.bytes[1] = 126;
    f.bytes[2] = (unsigned char)(n >> 8);
    f.bytes[3] = (unsigned char)(n & 0xff);
  }
  memcpy(f.bytes + head, text, n);
  f.length = n + head;
  return f;
}

// Sockets that completed the handshake, densely packed (swap-remove), with each fd's slot.
static int *upgraded;
static int upgraded_count;
static int *slot_of;  // -2: not a client, -1: connected, not upgraded, >= 0: index in upgraded

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static double cpu_ms(const struct timeval *tv) { return tv->tv_sec * 1e3 + tv->tv_usec / 1e3; }

static void drop(int epfd, int fd) {
  int slot = slot_of[fd];
  if (slot >= 0) {
    int last = upgraded[--upgraded_count];
    upgraded[slot] = last;
    slot_of[last] = slot;
  }
  slot_of[fd] = -2;
  epoll_ctl(epfd, EPOLL_CTL_DEL, fd, NULL);
  close(fd);
}

static void fanout(const struct frame *patch) {
  struct rusage r0, r1;
  getrusage(RUSAGE_SELF, &r0);
  double t0 = now_ms();
  int short_writes = 0;
  for (int i = 0; i < upgraded_count; i++) {
    if (write(upgraded[i], patch->bytes, patch->length) != (ssize_t)patch->length) short_writes++;
  }
  double ms = now_ms() - t0;
  getrusage(RUSAGE_SELF, &r1);
  double user = cpu_ms(&r1.ru_utime) - cpu_ms(&r0.ru_utime);
  double sys = cpu_ms(&r1.ru_stime) - cpu_ms(&r0.ru_stime);
  printf("{\"type\":\"fanout\",\"sockets\":%d,\"ms\":%.3f,\"cpuMs\":%.3f,\"systemMs\":%.3f,\"shortWrites\":%d}\n",
         upgraded_count, ms, user + sys, sys, short_writes);
  fflush(stdout);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: floor-server PORT\n");
    return 2;
  }
  struct rlimit lim;
  getrlimit(RLIMIT_NOFILE, &lim);
  size_t max_fd = lim.rlim_cur < (1u << 22) ? (size_t)lim.rlim_cur : (1u << 22);  // fds past it are refused
  upgraded = calloc(max_fd, sizeof(int));
  slot_of = malloc(max_fd * sizeof(int));
  for (size_t i = 0; i < max_fd; i++) slot_of[i] = -2;

  char padding[561];
  memset(padding, 'x', 560);
  padding[560] = 0;
  char patch_text[800];
  snprintf(patch_text, sizeof patch_text,
           "{\"messageType\":\"data-sync\",\"data\":{\"eventType\":\"patch\",\"featureFlags\":[{\"key\":"
           "\"bench-fanout\",\"padding\":\"%s\"}],\"segments\":[]}}",
           padding);
  struct frame full = make_frame(
      "{\"messageType\":\"data-sync\",\"data\":{\"eventType\":\"full\",\"featureFlags\":[],\"segments\":[]}}");
  struct frame pong = make_frame("{\"messageType\":\"pong\",\"data\":{}}");
  struct frame patch = make_frame(patch_text);

  int listener = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  int one = 1;
  setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((unsigned short)atoi(argv[1]))};
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(listener, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(listener, 4096) != 0) {
    int taken = errno == EADDRINUSE;
    perror("listen");
    return taken ? 3 : 1;  // 3: the bench retries on another port
  }
  int epfd = epoll_create1(0);
  struct epoll_event ev = {.events = EPOLLIN, .data.fd = listener};
  epoll_ctl(epfd, EPOLL_CTL_ADD, listener, &ev);
  ev.data.fd = STDIN_FILENO;
  epoll_ctl(epfd, EPOLL_CTL_ADD, STDIN_FILENO, &ev);
  printf("{\"type\":\"listening\"}\n");
  fflush(stdout);

  struct epoll_event events[256];
  char buf[65536];
  char command[256];
  size_t command_length = 0;
  for (;;) {
    int n = epoll_wait(epfd, events, 256, -1);
    if (n < 0 && errno == EINTR) continue;
    for (int i = 0; i < n; i++) {
      int fd = events[i].data.fd;
      if (fd == listener) {
        int c;
        while ((c = accept4(listener, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
          if ((size_t)c >= max_fd) {
            close(c);
            continue;
          }
          setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
          slot_of[c] = -1;
          struct epoll_event cev = {.events = EPOLLIN, .data.fd = c};
          epoll_ctl(epfd, EPOLL_CTL_ADD, c, &cev);
        }
      } else if (fd == STDIN_FILENO) {
        ssize_t got = read(STDIN_FILENO, command + command_length, sizeof command - command_length - 1);
        if (got <= 0) return 0;  // the bench went away
        command_length += (size_t)got;
        command[command_length] = 0;
        char *line;
        while ((line = strchr(command, '\n')) != NULL) {
          *line = 0;
          if (strcmp(command, "fanout") == 0) fanout(&patch);
          size_t rest = command_length - (size_t)(line + 1 - command);
          memmove(command, line + 1, rest + 1);
          command_length = rest;
        }
        if (command_length == sizeof command - 1) command_length = 0;
      } else {
        ssize_t got = read(fd, buf, sizeof buf - 1);
        if (got <= 0) {
          if (got < 0 && errno == EAGAIN) continue;
          drop(epfd, fd);
          continue;
        }
        buf[got] = 0;
        if (slot_of[fd] == -1) {
          if (strstr(buf, "\r\n\r\n") == NULL) continue;
          slot_of[fd] = upgraded_count;
          upgraded[upgraded_count++] = fd;
          (void)!write(fd, RESPONSE, sizeof RESPONSE - 1);
          continue;
        }
        // Client frames are masked with a zero key: the text starts after 6 header bytes.
        size_t end = got < 40 ? (size_t)got : 40;
        char text[41] = {0};
        if (end > 6) memcpy(text, buf + 6, end - 6);
        if (strstr(text, "\"ping\"") != NULL) {
          (void)!write(fd, pong.bytes, pong.length);
        } else if (strstr(text, "data-sync") != NULL) {
          (void)!write(fd, full.bytes, full.length);
        } else if ((buf[0] & 0x0f) == 0x8) {
          drop(epfd, fd);
        }
      }
    }
  }
}
