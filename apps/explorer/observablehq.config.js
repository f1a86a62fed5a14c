// Observable Framework site: the explorer. Pages are Markdown in src/ and read no data when built; they
// fetch the pieces of the warehouse they show (du-lieu/…, written by scripts/site-data.ts after the
// pages are built), so the same pages serve five units or a whole country.

export default {
  title: "DX Atlas",
  root: "src",
  output: process.env.DX_EXPLORER_OUT || "dist",
  lang: "vi",
  style: "style.css",
  // The default adds a Google Fonts stylesheet: nothing may leave 127.0.0.1.
  globalStylesheets: [],
  head: '<link rel="icon" href="data:,">',
  pages: [
    { name: "Tổng quan", path: "/" },
    { name: "Chỉ tiêu theo tỉnh", path: "/chi-tieu" },
    { name: "Đơn vị", path: "/don-vi" },
    { name: "So sánh", path: "/so-sanh" },
    { name: "Chất lượng dữ liệu", path: "/chat-luong" },
  ],
  search: false,
  // Links end in .html, so any static server (python3 -m http.server) finds the page; build-site.ts
  // adds a folder per page that forwards there, for links written without it.
  preserveExtension: true,
  footer: "DX Atlas — số liệu từ kế hoạch và báo cáo chuyển đổi số của xã, phường, huyện.",
  toc: false,
  pager: false,
};
