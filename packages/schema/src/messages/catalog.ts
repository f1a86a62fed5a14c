// Everything a person reads from the ETL, the review and the metrics, by stable code, in Vietnamese
// (the default: the analysts' language) and English. "{name}" is a named parameter (messages keep
// them in the warehouse: rejects.message_params, warnings.message_params, target_vs_actual.notes);
// "{s:name}" is an English plural "s". The English texts are the ETL's reasons as they were before
// the catalog, word for word: the warehouse's `reason` and `message` columns, review ids and the
// --json output did not change.
//
// Words are those of the documents: chỉ tiêu (a target, and an indicator of the catalog), kết quả
// (a result), đơn vị (the commune, district or province that filed), kế hoạch, báo cáo, tệp, dòng.
// A message that needs the analyst says what to do next.

interface Text { vi: string; en: string }

export const MESSAGES = {
  "text.as_written": { vi: "{text}", en: "{text}" },
  // ── Terms used inside other messages ───────────────────────────────────────────────────────────
  "term.target": { vi: "chỉ tiêu", en: "target" },
  "term.actual": { vi: "kết quả", en: "result" },
  "measure.target": { vi: "chỉ tiêu", en: "target" },
  "measure.actual": { vi: "kết quả", en: "actual" },
  "term.targets": { vi: "các chỉ tiêu", en: "targets" },
  "term.actuals": { vi: "các kết quả", en: "results" },
  "term.plan": { vi: "kế hoạch", en: "plan" },
  "term.report": { vi: "báo cáo", en: "report" },
  "term.unit": { vi: "đơn vị", en: "the unit" },
  "term.kind": { vi: "loại văn bản", en: "kind" },
  "term.year": { vi: "năm", en: "year" },
  "term.none": { vi: "không có", en: "none" },
  "term.number": { vi: "số", en: "number" },
  "unit.percent": { vi: "tỷ lệ phần trăm", en: "percent" },
  "unit.count": { vi: "số lượng", en: "count" },
  "unit.per100": { vi: "số trên 100 dân", en: "per100" },
  "unit.bool": { vi: "đạt/không đạt", en: "bool" },
  "unit.status": { vi: "trạng thái", en: "status" },
  "unit.rank": { vi: "thứ hạng", en: "rank" },
  "unit.index": { vi: "điểm chỉ số", en: "index" },
  "unit.mbps": { vi: "tốc độ (Mb/s)", en: "mbps" },
  "unit.km": { vi: "km", en: "km" },
  "term.manifest_unit": { vi: "đơn vị ghi trong tệp kê khai ({source}:{row})", en: "manifest's unit ({source}:{row})" },
  "term.correction_unit": { vi: "đơn vị ghi trong tệp hiệu chỉnh", en: "analyst's unit correction" },
  "format.text": { vi: "văn bản thuần (.txt)", en: "plain text" },
  "format.docx": { vi: "tệp Word .docx", en: "a Word .docx file" },
  "format.pdf": { vi: "tệp PDF", en: "a PDF" },
  "format.xlsx": { vi: "tệp Excel .xlsx", en: "an Excel .xlsx workbook" },
  "format.image": { vi: "tệp ảnh (PNG hoặc JPEG)", en: "an image (PNG or JPEG)" },
  "format.zip_docx": { vi: "Tệp Word .docx", en: "Word .docx" },
  "format.zip_xlsx": { vi: "Tệp Excel .xlsx", en: "Excel .xlsx" },
  "format.zip": { vi: "Tệp nén zip", en: "zip archive" },

  // ── Why a file or a row was not loaded (rejects.reason_code): short labels. In English the label
  //    is the code itself, as the CLI printed it before the catalog ("no_value: the row gives …").
  "reason.empty": { vi: "tệp rỗng", en: "empty" },
  "reason.binary": { vi: "tệp nhị phân, không phải văn bản", en: "binary" },
  "reason.not_dx_document": { vi: "không phải văn bản về chuyển đổi số", en: "not_dx_document" },
  "reason.unreadable": { vi: "không đọc được tệp", en: "unreadable" },
  "reason.unsupported_format": { vi: "định dạng chưa đọc được", en: "unsupported_format" },
  "reason.too_large": { vi: "tệp quá lớn", en: "too_large" },
  "reason.needs_ocr": { vi: "bản quét cần nhận dạng chữ (OCR)", en: "needs_ocr" },
  "reason.encrypted": { vi: "tệp có mật khẩu", en: "encrypted" },
  "reason.unknown_unit": { vi: "không xác định được đơn vị", en: "unknown_unit" },
  "reason.ambiguous_unit": { vi: "tên đơn vị trùng với nhiều đơn vị", en: "ambiguous_unit" },
  "reason.unmapped": { vi: "không khớp chỉ tiêu nào trong danh mục", en: "unmapped" },
  "reason.unparsed_value": { vi: "không đọc được giá trị", en: "unparsed_value" },
  "reason.ambiguous_result": { vi: "một kết quả cho nhiều chỉ tiêu", en: "ambiguous_result" },
  "reason.summary_line": { vi: "dòng tổng hợp số chỉ tiêu", en: "summary_line" },
  "reason.no_value": { vi: "không có chỉ tiêu hay kết quả", en: "no_value" },
  "reason.invalid": { vi: "giá trị không hợp lệ", en: "invalid" },
  "reason.excluded": { vi: "bỏ qua theo hiệu chỉnh", en: "excluded" },
  "reason.timed_out": { vi: "đọc quá thời gian cho phép", en: "timed_out" },
  "reason.other_unit": { vi: "giá trị của đơn vị khác", en: "other_unit" },

  // ── Data-quality flags that do not stop a value (warnings.code): short labels ──────────────────
  "warning.placeholder_unfilled": { vi: "ô để nguyên mẫu, chưa điền", en: "placeholder_unfilled" },
  "warning.unit_name_mismatch": { vi: "văn bản nêu tên đơn vị khác", en: "unit_name_mismatch" },
  "warning.ambiguous_value": { vi: "giá trị không rõ", en: "ambiguous_value" },
  "warning.duplicate_in_row": { vi: "một dòng ghi hai giá trị cho cùng chỉ tiêu", en: "duplicate_in_row" },
  "warning.unit_unresolved": { vi: "đơn vị lấy từ tên tệp", en: "unit_unresolved" },
  "warning.year_guessed": { vi: "năm được suy ra", en: "year_guessed" },
  "warning.year_unknown": { vi: "không rõ năm", en: "year_unknown" },
  "warning.kind_guessed": { vi: "loại văn bản được suy ra", en: "kind_guessed" },
  "warning.manifest_differs": { vi: "tệp kê khai khác văn bản", en: "manifest_differs" },
  "warning.unit_superseded": { vi: "đơn vị đã sắp xếp lại (7/2025)", en: "unit_superseded" },
  "warning.duplicate_file": { vi: "tệp trùng nội dung", en: "duplicate_file" },
  "warning.extension_mismatch": { vi: "đuôi tệp không khớp nội dung", en: "extension_mismatch" },
  "warning.ocr_pages_unread": { vi: "có trang quét chưa đọc", en: "ocr_pages_unread" },

  // ── Reading files ──────────────────────────────────────────────────────────────────────────────
  "read.empty": { vi: "Tệp rỗng (0 byte). Đề nghị đơn vị gửi lại tệp có nội dung.", en: "the file is empty (0 bytes)" },
  "read.whitespace": { vi: "Tệp chỉ có khoảng trắng. Đề nghị đơn vị gửi lại tệp có nội dung.", en: "the file holds only white space" },
  "read.no_text": { vi: "Không có chữ nào trong {format}. Kiểm tra lại tệp gốc.", en: "{format} with no text in it" },
  "read.binary": { vi: "Tệp chứa dữ liệu nhị phân (byte NUL hoặc ký tự điều khiển), không phải văn bản. Đề nghị đơn vị gửi bản .docx, .pdf, .xlsx hoặc .txt.", en: "the file holds binary data (NUL or control bytes), not text" },
  "read.ole": { vi: "Tệp Word/Excel đời cũ 97–2003 (.doc/.xls) hoặc tệp Office có mật khẩu. Lưu lại thành .docx/.xlsx không đặt mật khẩu rồi nạp lại.", en: "an OLE compound file: a Word/Excel 97–2003 document (.doc/.xls) or a password-protected Office file. Save it as .docx/.xlsx without a password" },
  "read.rtf": { vi: "Tệp RTF: lưu lại thành .docx rồi nạp lại.", en: "an RTF document: save it as .docx" },
  "read.tiff": { vi: "Ảnh TIFF: lưu bản quét thành PDF, PNG hoặc JPEG rồi nạp lại.", en: "a TIFF image: save the scan as PDF, PNG or JPEG" },
  "read.odf": { vi: "Tệp OpenDocument (.odt/.ods): lưu lại thành .docx hoặc .xlsx rồi nạp lại.", en: "an OpenDocument file (.odt/.ods): save it as .docx or .xlsx" },
  "read.zip_other": { vi: "Tệp nén zip nhưng không phải Word .docx hay Excel .xlsx (không có word/document.xml hay xl/workbook.xml).", en: "a zip archive that is neither a Word .docx nor an Excel .xlsx (no word/document.xml or xl/workbook.xml)" },
  "read.zip_error": { vi: "{kind}: {error}", en: "{kind}: {error}" },
  "read.zip_unreadable": { vi: "{kind}: không đọc được: {error}", en: "{kind}: cannot be read: {error}" },
  "read.unreadable_as": { vi: "Không đọc được tệp dạng {format}: {error}", en: "cannot be read as {format}: {error}" },
  "read.cannot_read_file": { vi: "Không mở được tệp: {error}", en: "cannot read the file: {error}" },
  "read.bug": { vi: "Chương trình ETL gặp lỗi với tệp này (lỗi phần mềm, xin báo lại cho nhóm phát triển): {error}", en: "the ETL failed on this file (a bug; please report it): {error}" },
  "read.too_large": { vi: "Tệp nặng {size} MB, vượt giới hạn {limit} MB (--max-file-mb): chưa đọc. Kế hoạch, báo cáo hiếm khi quá 10 MB; có thể tệp là bản quét hoặc có gắn ảnh, video.", en: "the file is {size} MB, more than the {limit} MB limit (--max-file-mb): not read. A plan or report is rarely over 10 MB; a scan or embedded media may be" },
  "read.image_needs_ocr": { vi: "Ảnh chụp trang văn bản: cần nhận dạng chữ (chạy lại, bỏ --no-ocr, để đọc).", en: "an image of a page: needs OCR (run without --no-ocr to read it)" },
  "read.image_no_words": { vi: "Không nhận dạng được chữ nào trong ảnh (ảnh chụp không phải trang văn bản, hoặc trang trắng).", en: "an image in which OCR found no words (a photo, or a blank page)" },
  "read.pdf_encrypted": { vi: "Tệp PDF có mật khẩu: đề nghị đơn vị gửi bản không đặt mật khẩu.", en: "the PDF is password-protected: ask the sender for an unprotected copy" },
  "read.pdf_unreadable": { vi: "Không mở được tệp PDF ({error}): tệp bị hỏng hoặc tải về chưa hết?", en: "the PDF cannot be opened ({error}): damaged or truncated?" },
  "read.pdf_too_many_pages": { vi: "Tệp PDF có {pages} trang, vượt giới hạn {limit} trang.", en: "the PDF has {pages} pages, more than the limit of {limit}" },
  "read.pdf_needs_ocr": { vi: "Tệp PDF dạng ảnh, không có lớp chữ: cần nhận dạng chữ ({pages} trang ảnh, có lẽ là bản quét; chạy lại, bỏ --no-ocr, để đọc).", en: "no text layer: needs OCR ({pages} page{s:pages} of images, probably a scan; run without --no-ocr to read it)" },
  "read.pdf_ocr_out_of_time": { vi: "Tệp PDF dạng ảnh, không có lớp chữ, và đã hết thời gian trước khi nhận dạng xong trang nào ({pages} trang chưa đọc; tăng thời gian bằng --file-timeout).", en: "no text layer, and the time budget ran out before OCR read a page ({pages} pages unread; --file-timeout raises it)" },
  "read.pdf_ocr_no_words": { vi: "Tệp PDF dạng ảnh, không có lớp chữ, và không nhận dạng được chữ nào trên {pages} trang (trang trắng, hoặc ảnh chụp không phải trang văn bản).", en: "no text layer, and OCR found no words on its {pages} page{s:pages} (blank pages or photos)" },
  "read.timed_out": { vi: "Dừng đọc sau {seconds} giây, {where}: tệp quá lớn hoặc có cấu trúc khiến chương trình đọc chậm. Xin báo lại cho nhóm phát triển (tăng giới hạn bằng --file-timeout).", en: "parsing stopped after {seconds} s, {where}: the file is unusually large or shaped in a way the extractor reads slowly. Please report it (--file-timeout raises the limit)" },
  "read.timed_out.reading": { vi: "khi đang đọc tệp", en: "while reading it" },
  "read.timed_out.split": { vi: "sau khi tách {lines} dòng", en: "after splitting its {lines} lines" },
  "read.timed_out.row": { vi: "ở dòng thứ {row} trên {rows} dòng (dòng {line} của tệp)", en: "at row {row} of {rows} (line {line})" },
  "read.stopped": { vi: "Đọc tệp không xong trong {seconds} giây nên đã dừng: tệp quá lớn hoặc có cấu trúc khiến chương trình đọc chậm. Xin báo lại cho nhóm phát triển (tăng giới hạn bằng --file-timeout).", en: "parsing did not finish in {seconds} s and was stopped: the file is unusually large or shaped in a way the extractor reads slowly. Please report it (--file-timeout raises the limit)" },
  "read.extension_mismatch": { vi: "Tên tệp có đuôi {ext} nhưng nội dung là {format}: đã đọc như {read_as}.", en: "the name says {ext} but the content is {format}: read as {read_as}" },
  "read.ocr_pages_unread": { vi: "Hết thời gian nhận dạng chữ ({seconds} giây), chưa đọc trang {pages}; giá trị ở các trang đã đọc vẫn được giữ. Tăng --ocr-timeout hoặc tách bản quét, rồi nạp lại tệp.", en: "OCR ran out of its time budget ({seconds} s) and did not read page{s:count} {pages}; the values of the pages it read are kept. Raise --ocr-timeout, or split the scan, and load the file again" },

  // ── Which document it is: kind, unit, year ─────────────────────────────────────────────────────
  "doc.not_dx": { vi: "Không phải kế hoạch hay báo cáo chuyển đổi số: văn bản không dùng từ nào của lĩnh vực này (chuyển đổi số, chính quyền số, dịch vụ công trực tuyến, …). Nếu đúng là văn bản chuyển đổi số, kiểm tra tệp có bị lỗi phông chữ không.", en: "not a digital-transformation plan or report: the text never uses its words (chuyển đổi số, chính quyền số, dịch vụ công trực tuyến, …)" },
  "doc.no_kind": { vi: "Không rõ là kế hoạch hay báo cáo: không có tiêu đề, số hiệu văn bản hay câu kết nào cho biết, và nội dung không đặt chỉ tiêu cũng không nêu kết quả. Ghi loại văn bản (plan/report) trong tệp kê khai (file,unit,kind,year).", en: "neither a plan (Kế hoạch) nor a report (Báo cáo): no title, document number or closing sentence says which, and its words set no target and give no result" },
  "doc.unit_spec_unusable": { vi: "Không dùng được {label} cho tệp này: {why}", en: "the {label} for this file cannot be used: {why}" },
  "doc.unit_not_in_lists": { vi: "\"{spec}\" không có trong danh sách đơn vị hành chính (danh sách có sẵn trong chương trình, hoặc danh sách quốc gia đã nhập). Kiểm tra lại tên đơn vị, hoặc ghi mã đơn vị.", en: "\"{spec}\" is not in the gazetteer (bundled units, or an imported national list)" },
  "doc.unit_spec_ambiguous": { vi: "\"{spec}\" là tên của {n} đơn vị: {where}. Ghi thêm huyện hoặc tỉnh sau dấu phẩy, hoặc ghi mã đơn vị.", en: "\"{spec}\" names {n} units: {where}. Add the district or province after a comma, or give the code" },
  "doc.unit_ambiguous": { vi: "Văn bản nêu {named}, là tên của {n} đơn vị, và không có chỗ nào cho biết là đơn vị nào: {where}. Chỉ rõ đơn vị trong tệp kê khai (file,unit,kind,year) hoặc bằng: pnpm etl review --accept ID --unit \"…\"", en: "the text names {named}, which is {n} units, and nothing in it says which: {where}. Say which in a manifest (file,unit,kind,year) or with pnpm etl review --accept ID --unit \"…\"" },
  "doc.unit_unknown": { vi: "Không xác định được đơn vị ban hành: văn bản không nêu đơn vị ban hành nào có trong danh sách đơn vị hành chính (tên đã nêu: {names}). Kiểm tra lại tên đơn vị, hoặc chỉ định bằng tệp kê khai (file,unit,kind,year) hoặc: pnpm etl review --accept ID --unit \"…\"", en: "cannot tell which unit issued it: no unit it names as the issuer is in the national lists (named: {names}). Say which in a manifest (file,unit,kind,year) or with pnpm etl review --accept ID --unit \"…\"" },
  "doc.manifest_differs": { vi: "Tệp kê khai ({source}:{row}) ghi {what} là {given}; văn bản ghi {text}: dùng theo tệp kê khai.", en: "the manifest ({source}:{row}) gives {what} {given}; the text says {text}: the manifest's is used" },
  "doc.kind_guessed_plan": { vi: "Không có tiêu đề hay số hiệu cho biết là kế hoạch hay báo cáo: đọc là kế hoạch theo lời văn (mục tiêu, phấn đấu, kế hoạch). Nếu sai, ghi loại văn bản trong tệp kê khai.", en: "no title or number says plan or report: read as a plan from its words (mục tiêu, phấn đấu, kế hoạch)" },
  "doc.kind_guessed_report": { vi: "Không có tiêu đề hay số hiệu cho biết là kế hoạch hay báo cáo: đọc là báo cáo theo lời văn (kết quả, đã đạt, đến nay). Nếu sai, ghi loại văn bản trong tệp kê khai.", en: "no title or number says plan or report: read as a report from its words (kết quả, đã đạt, đến nay)" },
  "doc.year_unknown": { vi: "Văn bản không cho biết năm: các giá trị không ghi năm riêng vẫn được nạp nhưng không gắn năm, nên không được tính vào số liệu tổng hợp. Ghi năm trong tệp kê khai.", en: "the text does not say which year it is about: its values without a year of their own are loaded with no year and left out of the metrics (give the year in a manifest)" },
  "doc.year_from_date": { vi: "Không có tiêu đề hay dòng ngày tháng nào ghi năm: lấy năm {year} theo ngày ban hành {published}. Nếu sai, ghi năm trong tệp kê khai.", en: "no title or date line gives the year: {year}, from its publication date {published}" },
  "doc.year_from_periods": { vi: "Không có tiêu đề hay dòng ngày tháng nào ghi năm: lấy năm {year} theo các mốc thời gian nêu trong văn bản. Nếu sai, ghi năm trong tệp kê khai.", en: "no title or date line gives the year: {year}, from the periods its text names" },
  "doc.unit_superseded": { vi: "Văn bản năm {year} nhưng đơn vị {unit} đã được sắp xếp lại từ 1/7/2025, nay là {successors}: nạp theo đơn vị văn bản nêu, so sánh theo đơn vị mới.", en: "the document is of {year} but its unit, {unit}, was replaced in the 1 July 2025 reform by {successors}: loaded as the unit the text names, compared under its successor" },
  "doc.unit_superseded_alone": { vi: "Văn bản năm {year} nhưng đơn vị {unit} đã được sắp xếp lại từ 1/7/2025: nạp theo đơn vị văn bản nêu, so sánh theo đơn vị mới.", en: "the document is of {year} but its unit, {unit}, was replaced in the 1 July 2025 reform: loaded as the unit the text names, compared under its successor" },
  "doc.unit_from_file_name": { vi: "Văn bản không nêu đơn vị ban hành: lấy {unit} theo tên tệp. Nếu sai, chỉ định bằng: pnpm etl review --accept ID --unit \"…\"", en: "the text does not name its unit as the issuer: {unit} is read from the file's name" },
  "doc.names_other_unit": { vi: "Văn bản của {unit} nhưng có nêu {other} ({n} lần): có thể chép từ văn bản của đơn vị khác? Kiểm tra lại; nếu đơn vị ban hành bị xác định sai, chỉ định bằng: pnpm etl review --accept ID --unit \"…\"", en: "the document is about {unit} but also names {other} ({n}×): text copied from another unit's document?" },
  "doc.duplicate": { vi: "trùng nội dung với {original}", en: "same content as {original}" },
  "doc.duplicate_not_loaded": { vi: "Trùng nội dung với {original}: không nạp lần thứ hai.", en: "same content as {original}: not loaded twice" },

  // ── Rows and values ────────────────────────────────────────────────────────────────────────────
  "row.tally": { vi: "Dòng đếm số chỉ tiêu của chính kế hoạch, không phải giá trị của một chỉ tiêu: \"{text}\"", en: "counts of the plan's own targets, not an indicator value: \"{text}\"" },
  "row.group_tally": { vi: "Một trong các dòng đếm chỉ tiêu của văn bản (\"{raw}\"): số của một nhóm, không phải của cả kế hoạch.", en: "one of several tallies of targets in the document (\"{raw}\"): a group's, not the whole plan's" },
  "row.placeholder": { vi: "Ô {measure} để nguyên mẫu, chưa điền: \"{raw}\". Đề nghị đơn vị điền số liệu.", en: "the {measure} was left as the form's placeholder: \"{raw}\"" },
  "row.unparsed": { vi: "Không đọc được {measure} \"{raw}\": {why}. Ghi giá trị đúng bằng: pnpm etl review --accept ID --value \"…\"", en: "cannot read the {measure} \"{raw}\": {why}" },
  "value.too_long": { vi: "ô giá trị dài {n} ký tự", en: "value cell is {n} characters long" },
  "value.no_number": { vi: "không có số, từ chỉ trạng thái hay có/không", en: "no number, status word or yes/no word" },
  "row.no_value": { vi: "Dòng không ghi giá trị chỉ tiêu hay kết quả nào: \"{text}\". Nếu văn bản có giá trị, ghi bằng: pnpm etl review --accept ID --value \"…\"", en: "the row gives no target and no result: \"{text}\"" },
  "row.unit_mismatch": { vi: "\"{raw}\" là {value_unit}, nhưng chỉ tiêu gần nhất, {code}, tính bằng {unit}: \"{text}\". Nếu đây là chỉ tiêu khác, thêm vào danh mục bằng: pnpm etl review --accept ID --new MÃ --name \"…\"", en: "\"{raw}\" is a {value_unit}, but the closest indicator, {code}, is a {unit}: \"{text}\"" },
  "row.duplicate_value": { vi: "Một dòng ghi {measure} của {code} hai lần: giữ \"{kept}\", bỏ \"{dropped}\". Nếu sai, ghi hiệu chỉnh giá trị vào data/corrections.yaml (values: file, indicator, measure, year, value).", en: "one row gives {code} {measure} twice: kept \"{kept}\", not \"{dropped}\"" },
  "row.excluded_by_correction": { vi: "Không phải chỉ tiêu, theo tệp hiệu chỉnh: \"{text}\"", en: "not an indicator, by an analyst's correction: \"{text}\"" },
  "row.value_corrected_none": { vi: "{code} {measure} {year} \"{raw}\": theo tệp hiệu chỉnh ({entry}), văn bản không có giá trị này.", en: "{code} {measure} {year} \"{raw}\": the file gives no such value, by an analyst's correction ({entry})" },
  "row.value_corrected_elsewhere": { vi: "{code} {measure} {year} \"{raw}\": theo tệp hiệu chỉnh ({entry}), giá trị đúng nằm ở dòng khác của văn bản.", en: "{code} {measure} {year} \"{raw}\": another line of this file holds the corrected value, by an analyst's correction ({entry})" },
  "row.unmapped": { vi: "Không chỉ tiêu nào trong danh mục khớp với \"{text}\" (gần nhất: {best} với độ tin cậy {confidence}). Gán mã bằng: pnpm etl review --accept ID --as MÃ, hoặc thêm chỉ tiêu mới bằng --new MÃ --name \"…\".", en: "no catalog indicator matches \"{text}\" (closest: {best} at {confidence})" },
  "row.other_unit_value": { vi: "Giá trị \"{raw}\" ({code}) là của {other}, không phải của đơn vị ban hành văn bản: \"{text}\"", en: "the value \"{raw}\" ({code}) is said of {other}, not of the document's unit: \"{text}\"" },
  "row.other_unit_count": { vi: "Số đếm \"{raw}\" ({code}) là của {other}, không phải của đơn vị ban hành văn bản: \"{text}\"", en: "the count \"{raw}\" ({code}) is said of {other}, not of the document's unit: \"{text}\"" },
  "row.other_unit_tally": { vi: "Số đếm chỉ tiêu \"{raw}\" là của {other}, không phải của đơn vị ban hành văn bản: \"{text}\"", en: "the tally \"{raw}\" is said of {other}, not of the document's unit: \"{text}\"" },
  "row.ambiguous": { vi: "Một giá trị {measure} \"{raw}\" ghi chung cho {n} chỉ tiêu trong văn bản: không biết thuộc chỉ tiêu nào. Ghi giá trị cho từng chỉ tiêu bằng: pnpm etl review --accept ID --value \"…\" --as MÃ", en: "one {measure} \"{raw}\" for {n} targets in the text: cannot tell which it belongs to" },
  "row.invalid": { vi: "Giá trị không hợp lệ: {issues}", en: "{issues}" },

  // ── The review list (pnpm etl review) ──────────────────────────────────────────────────────────
  "review.unmapped": { vi: "chưa khớp", en: "unmapped" },
  "review.low_confidence": { vi: "khớp chưa chắc", en: "unsure mapping" },
  "review.unit_uncertain": { vi: "đơn vị chưa chắc", en: "unit unsure" },
  "review.conflict": { vi: "mâu thuẫn", en: "conflict" },
  "review.placeholder": { vi: "ô để nguyên mẫu", en: "placeholder" },
  "review.unreadable_row": { vi: "dòng chưa đọc", en: "row not read" },
  "review.file_rejected": { vi: "tệp bị từ chối", en: "file rejected" },
  "review.warning": { vi: "cảnh báo", en: "warning" },
  "review.ocr_unsure": { vi: "OCR chưa chắc", en: "OCR unsure" },
  "review.coded": { vi: "{text}", en: "{label}: {text}" },
  "review.low_confidence_detail": { vi: "Đã gán mã {code} với độ tin cậy {confidence:2} (giá trị \"{raw}\"): xác nhận hoặc sửa lại.", en: "mapped to {code} at confidence {confidence:2} (value \"{raw}\"): confirm or correct" },
  "review.ocr_detail": { vi: "OCR đọc với độ tin cậy {confidence:0}: \"{raw}\" cho {code}; đối chiếu với ảnh trang ({where}); nếu đọc sai, ghi hiệu chỉnh vào data/corrections.yaml (values: file, indicator, measure, year, value).", en: "read by OCR at confidence {confidence:0}: \"{raw}\" for {code}; check it against the page image ({where}); if it is misread, correct it in data/corrections.yaml (values: file, indicator, measure, year, value)" },
  "review.ocr_bound_detail": { vi: "OCR đọc với độ tin cậy {confidence:0}: \"{raw}\" cho {code} (OCR không phân biệt \"≥\" với \">\", đọc cả hai là \"≥\"); đối chiếu với ảnh trang ({where}); nếu đọc sai, ghi hiệu chỉnh vào data/corrections.yaml (values: file, indicator, measure, year, value).", en: "read by OCR at confidence {confidence:0}: \"{raw}\" for {code} (OCR cannot tell \"≥\" from \">\" and reads both as \"≥\"); check it against the page image ({where}); if it is misread, correct it in data/corrections.yaml (values: file, indicator, measure, year, value)" },
  "review.page_unknown": { vi: "không rõ trang", en: "page unknown" },
  "review.unit_detail": { vi: "Đơn vị được xác định với độ tin cậy {confidence:2}: kiểm tra có đúng đơn vị ban hành văn bản không.", en: "the unit was resolved at confidence {confidence:2}: check it is the unit that filed the document" },
  "review.conflict_detail": { vi: "{measures} ghi khác nhau: {values}. Chọn giá trị đúng bằng --value.", en: "{measures} disagree: {values}" },
  "review.conflict_entry": { vi: "\"{raw}\" ({file}, dòng {line})", en: "\"{raw}\" ({file}:{line})" },
  "review.nothing": { vi: "Không có gì cần rà soát.", en: "Nothing to review." },
  "review.recurring": { vi: "Cách ghi chưa khớp chỉ tiêu, gặp ở nhiều tệp (chấp nhận một lần là áp dụng cho mọi tệp có cách ghi đó):", en: "Unmapped wordings in several files (accepting one maps every file that uses it):" },
  "review.recurring_files": { vi: "{n} tệp", en: "{n} files" },
  "review.recurring_accept": { vi: "chấp nhận: pnpm etl review --accept {id} --as {code}   (hoặc --new MÃ --name \"…\" [--unit percent] [--direction higher] để thêm chỉ tiêu mới)", en: "accept: pnpm etl review --accept {id} --as {code}   (or --new CODE --name \"…\" [--unit percent] [--direction higher] for a new indicator)" },
  "review.fix_unit": { vi: "sửa: pnpm etl review --accept {id} --unit \"xã …, huyện …\"   (đơn vị ban hành {file}; hoặc mã đơn vị hành chính)", en: "fix: pnpm etl review --accept {id} --unit \"xã …, huyện …\"   (the unit that filed {file}; or a GSO code)" },
  "review.fix_row_value": { vi: "sửa: pnpm etl review --accept {id} --value \"…\" [--as MÃ]{measure}   (gán cho {code}; muốn gán mã khác thì thêm --as)", en: "fix: pnpm etl review --accept {id} --value \"…\" [--as CODE]{measure}   (for {code} unless --as says)" },
  "review.fix_row_value_no_code": { vi: "sửa: pnpm etl review --accept {id} --value \"…\" --as MÃ{measure}", en: "fix: pnpm etl review --accept {id} --value \"…\" --as CODE{measure}" },
  "review.fix_measure": { vi: " --measure target|actual", en: " --measure target|actual" },
  "review.fix_value": { vi: "sửa: pnpm etl review --accept {id} --value \"…\"   ({measure} đúng, ghi như trong văn bản; hoặc --value none nếu văn bản không có giá trị này)", en: "fix: pnpm etl review --accept {id} --value \"…\"   (the right {measure}, as the documents write it; or --value none)" },
  "review.accept_proposed": { vi: "chấp nhận: pnpm etl review --accept {id}   (gán mã {code}; chọn mã khác bằng --as MÃ, hoặc --as none nếu không phải chỉ tiêu)", en: "accept: pnpm etl review --accept {id}   (maps it to {code}; --as CODE or --as none to choose)" },
  "review.accept_none": { vi: "chấp nhận: pnpm etl review --accept {id} --as MÃ   (chưa có mã đề xuất; ghi mã bằng --as MÃ, hoặc --as none nếu không phải chỉ tiêu)", en: "accept: pnpm etl review --accept {id} --as CODE   (no code proposed; --as CODE or --as none to choose)" },
  "review.total": { vi: "Cần rà soát {n}: {counts}.", en: "{n} to review: {counts}." },

  // ── The run summary (pnpm etl) ─────────────────────────────────────────────────────────────────
  "col.file": { vi: "tệp", en: "file" },
  "col.read_as": { vi: "đọc dạng", en: "read as" },
  "col.kind": { vi: "loại văn bản", en: "kind" },
  "col.unit": { vi: "đơn vị", en: "unit" },
  "col.year": { vi: "năm", en: "year" },
  "col.from": { vi: "nguồn", en: "from" },
  "col.rows": { vi: "dòng", en: "rows" },
  "col.mapped": { vi: "đã khớp", en: "mapped" },
  "col.unmapped": { vi: "chưa khớp", en: "unmapped" },
  "col.obs": { vi: "giá trị", en: "obs" },
  "col.warnings": { vi: "cảnh báo", en: "warnings" },
  "col.rejects": { vi: "loại bỏ", en: "rejects" },
  "col.status": { vi: "tình trạng", en: "status" },
  "etl.ok": { vi: "đã nạp", en: "ok" },
  "etl.unchanged": { vi: "không đổi", en: "unchanged" },
  "etl.rejected": { vi: "bị từ chối: {reason}", en: "rejected: {reason}" },
  "etl.duplicate": { vi: "trùng: {reason}", en: "duplicate: {reason}" },
  "etl.more_files": { vi: "… còn {n} tệp nữa (xem tất cả: --json, hoặc bảng 'files' trong kho dữ liệu)", en: "… {n} more files (all of them: --json, or the warehouse table 'files')" },
  "etl.summary": { vi: "{files} tệp: nạp {loaded} ({replaced} thay bản trước), {unchanged} không đổi{unchanged_note}, {duplicates} trùng, {rejected} bị từ chối; {observations} giá trị từ {rows} dòng, {unmapped} chưa khớp chỉ tiêu, {warnings} cảnh báo, {rejects} dòng loại bỏ; {seconds} giây trên {threads}, bộ nhớ tối đa {peak} MB.", en: "{files} files: {loaded} loaded ({replaced} replacing an earlier version), {unchanged} unchanged{unchanged_note}, {duplicates} duplicates, {rejected} rejected; {observations} observations from {rows} rows, {unmapped} unmapped, {warnings} warnings, {rejects} rejects; {seconds} s on {threads}, peak memory {peak} MB." },
  "etl.unchanged_note": { vi: " (đã có trong kho, không đọc lại)", en: " (already in the warehouse, not re-read)" },
  "etl.main_thread": { vi: "luồng chính", en: "the main thread" },
  "etl.threads": { vi: "{n} luồng", en: "{n} threads" },
  "etl.to_review": { vi: "Cần rà soát ({n}; tất cả nằm trong bảng 'rejects' và 'warnings' của kho dữ liệu):", en: "To review ({n}; all of them are in the warehouse tables 'rejects' and 'warnings'):" },
  "etl.flagged": { vi: "{where}: {text}", en: "{where}: {label}: {text}" },
  "etl.flagged_file": { vi: "tệp bị từ chối", en: "file rejected" },
  "etl.more_flagged": { vi: "… và {n} mục nữa", en: "… and {n} more" },
  "etl.review_hint": { vi: "pnpm etl review liệt kê từng mục theo tệp, kèm ID của mục để chấp nhận hoặc sửa cách gán chỉ tiêu, đơn vị hay giá trị.", en: "pnpm etl review lists every one by file, with an id to accept or correct a mapping, a unit or a value." },
  "etl.corrections_unused": { vi: "{n} trên {entries} hiệu chỉnh trong {file} không khớp với tệp nào đã nạp (cách ghi đã đổi, hoặc tệp không còn):", en: "{n} of {entries} corrections in {file} matched nothing in any loaded file (wording changed, or the file is gone):" },
  "etl.dry_run": { vi: "Chạy thử: chưa ghi gì vào {db}. Chạy lại cùng lệnh, bỏ --dry-run, để nạp.", en: "Dry run: nothing was written to {db}. Run the same command without --dry-run to load." },
  "etl.next": { vi: "Kho dữ liệu: {db}  ·  tiếp theo: pnpm metrics target-vs-actual | pnpm explorer | pnpm query \"SQL\" | pnpm export", en: "Warehouse: {db}  ·  next: pnpm metrics target-vs-actual | pnpm explorer | pnpm query \"SQL\" | pnpm export" },
  "etl.imported": { vi: "Đã nhập {before} đơn vị trước sắp xếp 2025 và {after} đơn vị sau sắp xếp vào {db}.", en: "Imported {before} units before the 2025 reform and {after} after it into {db}." },
  "etl.failed": { vi: "etl: lần chạy thất bại, kho dữ liệu giữ nguyên như trước: {error}", en: "etl: run failed, the warehouse is unchanged: {error}" },
  "correction.mapping": { vi: "gán cách ghi \"{text}\" → {code}", en: "mapping \"{text}\" → {code}" },
  "correction.unit": { vi: "đơn vị của {file} → {unit}", en: "unit of {file} → {unit}" },
  "correction.value": { vi: "giá trị {code} {measure} {year} trong {file} → {value}", en: "value {code} {measure} {year} in {file} → {value}" },
  "correction.row_value": { vi: "giá trị dòng {code} {measure} trong {file} (\"{text}\") → {value}", en: "row value {code} {measure} in {file} (\"{text}\") → {value}" },

  // ── pnpm etl review --accept ───────────────────────────────────────────────────────────────────
  "accept.unit": { vi: "{done} trong {file}: đơn vị ban hành {source} là {unit}", en: "{done} in {file}: the unit of {source} is {unit}" },
  "accept.row_value": { vi: "{done} trong {file}: {measure} của {code} ở {source} là {value}", en: "{done} in {file}: the {measure} of {code} in {source} is {value}" },
  "accept.value": { vi: "{done} trong {file}: {code} {measure} {year} ở {source} là {value}", en: "{done} in {file}: {code} {measure} {year} in {source} is {value}" },
  "accept.mapping": { vi: "{done} trong {file}: \"{text}\" → {code}", en: "{done} in {file}: \"{text}\" → {code}" },
  "accept.new_indicator": { vi: "Đã thêm {code} vào {catalog} và gán \"{text}\" cho mã này trong {file}", en: "Added {code} to {catalog} and mapped \"{text}\" to it in {file}" },
  "accept.added": { vi: "Đã thêm", en: "Added" },
  "accept.replaced": { vi: "Đã thay", en: "Replaced" },
  "accept.run_again": { vi: "Chạy pnpm etl để áp dụng (hiệu chỉnh đã thay đổi nên mọi tệp sẽ được đọc lại).", en: "Run pnpm etl to apply (the corrections changed, so every file is read again)." },
  "accept.no_item": { vi: "etl review: không có mục {id} trong danh sách rà soát hiện tại (chạy pnpm etl review để xem)", en: "etl review: no item {id} in the current review list (run pnpm etl review)" },

  // ── Metrics: statuses, notes, headers ──────────────────────────────────────────────────────────
  "status.met": { vi: "đạt", en: "met" },
  "status.not_met": { vi: "không đạt", en: "not_met" },
  "status.in_progress": { vi: "đang thực hiện", en: "in_progress" },
  "status.no_result": { vi: "chưa có kết quả", en: "no_result" },
  "status.no_target": { vi: "không có chỉ tiêu", en: "no_target" },
  "status.not_comparable": { vi: "không so được", en: "not_comparable" },
  "progress.target_achieved": { vi: "đã đạt chỉ tiêu", en: "target_achieved" },
  "progress.on_track": { vi: "đúng tiến độ", en: "on_track" },
  "progress.acceleration_needed": { vi: "cần tăng tốc", en: "acceleration_needed" },
  "progress.limited_progress": { vi: "ít chuyển biến", en: "limited_progress" },
  "progress.deterioration": { vi: "xấu đi", en: "deterioration" },
  "progress.not_enough_data": { vi: "chưa đủ số liệu", en: "not_enough_data" },
  "missing.result_not_numeric": { vi: "có văn bản, kết quả không phải số", en: "result_not_numeric" },
  "missing.target_only": { vi: "có văn bản, chỉ có chỉ tiêu", en: "target_only" },
  "missing.not_in_documents": { vi: "có văn bản, không nêu chỉ tiêu này", en: "not_in_documents" },
  "task.done": { vi: "đã xong", en: "done" },
  "task.in_progress": { vi: "đang thực hiện", en: "in progress" },
  "task.not_started": { vi: "chưa thực hiện", en: "not started" },
  "value.achieved": { vi: "đạt", en: "achieved" },
  "value.not_achieved": { vi: "không đạt", en: "not achieved" },
  "note.value_at": { vi: "{value}{suffix} ({file}, dòng {line})", en: "{value}{suffix} ({file}:{line})" },
  "note.status_at": { vi: "{status} ({file}, dòng {line})", en: "{status} ({file}:{line})" },
  "note.raw_at": { vi: "\"{raw}\" ({file}, dòng {line})", en: "{raw} ({file}:{line})" },
  "note.placeholder": { vi: "ô kết quả để nguyên mẫu", en: "the result was left as the form's placeholder" },
  "note.results_disagree": { vi: "các kết quả ghi khác nhau: {values}", en: "results disagree: {values}" },
  "note.targets_disagree": { vi: "các chỉ tiêu ghi khác nhau: {values}", en: "targets disagree: {values}" },
  "note.status_vs_number": { vi: "kết quả là trạng thái, chỉ tiêu là số", en: "the result is a status, the target a number" },
  "note.qualitative_vs_number": { vi: "chỉ tiêu định tính, kết quả là số", en: "the target is qualitative, the result a number" },
  "note.change_vs_level": { vi: "chỉ tiêu là mức tăng/giảm, kết quả là mức đạt", en: "the target is a change, the result a level" },
  "note.level_vs_change": { vi: "kết quả là mức tăng/giảm, chỉ tiêu là mức đạt", en: "the result is a change, the target a level" },
  "note.units_differ": { vi: "chỉ tiêu tính bằng {target_unit}, kết quả tính bằng {result_unit}", en: "the target is in {target_unit}, the result in {result_unit}" },
  "note.beyond_range": { vi: "vượt ngoài khoảng chỉ tiêu", en: "beyond the target range" },
  "note.approx": { vi: "giá trị xấp xỉ (gần, khoảng, xấp xỉ): tính như đúng mức đã nêu", en: "approximate (gần, khoảng, xấp xỉ): read as the level it approximates" },
  "metrics.col.unit": { vi: "đơn vị", en: "unit" },
  "metrics.col.indicator": { vi: "chỉ tiêu", en: "indicator" },
  "metrics.col.year": { vi: "năm", en: "year" },
  "metrics.col.target": { vi: "chỉ tiêu KH", en: "target" },
  "metrics.col.result": { vi: "kết quả", en: "result" },
  "metrics.col.status": { vi: "đánh giá", en: "status" },
  "metrics.col.gap": { vi: "chênh lệch", en: "gap" },
  "metrics.col.attainment": { vi: "tỷ lệ đạt", en: "attainment" },
  "metrics.col.target_at": { vi: "nguồn chỉ tiêu", en: "target at" },
  "metrics.col.result_at": { vi: "nguồn kết quả", en: "result at" },
  "metrics.col.note": { vi: "ghi chú", en: "note" },
  "metrics.col.series": { vi: "chuỗi số liệu", en: "series" },
  "metrics.col.cagr": { vi: "tăng bình quân", en: "CAGR" },
  "metrics.col.ratio": { vi: "tỷ số", en: "ratio" },
  "metrics.col.value": { vi: "giá trị", en: "value" },
  "metrics.col.change": { vi: "thay đổi", en: "change" },
  "metrics.col.annual_growth": { vi: "tăng hằng năm", en: "annual growth" },
  "metrics.col.source": { vi: "nguồn", en: "source" },
  "metrics.col.rank": { vi: "hạng", en: "rank" },
  "metrics.col.province": { vi: "tỉnh", en: "province" },
  "metrics.col.percentile": { vi: "bách phân vị", en: "percentile" },
  "metrics.col.province_median": { vi: "trung vị tỉnh (n)", en: "province median (n)" },
  "metrics.col.peer_median": { vi: "trung vị cùng cấp [p25–p75]", en: "peer median [p25–p75]" },
  "metrics.col.vs_national": { vi: "so với chỉ tiêu quốc gia", en: "vs national" },
  "metrics.per_year": { vi: "{value}%/năm", en: "{value}%/yr" },
  "metrics.target_by": { vi: "{target} đến {year} ({source})", en: "{target} by {year} ({source})" },
  "metrics.rows": { vi: "{n} dòng", en: "{n} row{s:n}" },
  "metrics.rows_counts": { vi: "{n} dòng: {counts}.", en: "{n} row{s:n}: {counts}." },
  "metrics.rows_end": { vi: "{n} dòng.", en: "{n} row{s:n}." },
  "metrics.no_rows": { vi: "Không có dòng nào khớp (kiểm tra --indicator / --unit / --year; `pnpm metrics completeness` cho biết những gì đã nạp).", en: "No rows match (check --indicator / --unit / --year; `pnpm metrics completeness` lists what is loaded)." },
  "metrics.group": { vi: "{key}: {n} {tier} có báo cáo; {direction}; {target}", en: "{key}: {n} {tier}(s) reported; {direction} is better; {target}" },
  "metrics.higher_better": { vi: "càng cao càng tốt", en: "higher" },
  "metrics.lower_better": { vi: "càng thấp càng tốt", en: "lower" },
  "target_source.unit": { vi: "của đơn vị", en: "unit" },
  "target_source.national": { vi: "quốc gia", en: "national" },
  "tier.commune": { vi: "đơn vị cấp xã", en: "commune" },
  "tier.district": { vi: "đơn vị cấp huyện", en: "district" },
  "tier.province": { vi: "đơn vị cấp tỉnh", en: "province" },
  "metrics.tier_unit": { vi: "đơn vị", en: "unit" },
  "metrics.no_national_target": { vi: "danh mục không có chỉ tiêu quốc gia", en: "no national target in the catalog" },
  "metrics.national_target": { vi: "chỉ tiêu quốc gia {target} đến {year}", en: "national target {target} by {year}" },
  "metrics.none_missing": { vi: "Chưa báo cáo: không có (mọi đơn vị khác có văn bản năm này đều đã báo cáo).", en: "Did not report it: none of the other units with documents for the year." },
  "metrics.missing": { vi: "Chưa báo cáo ({n}): {units}", en: "Did not report it ({n}): {units}" },
  "metrics.plans_letter": { vi: "KH", en: "P" },
  "metrics.reports_letter": { vi: "BC", en: "R" },
  "metrics.completeness_legend": { vi: "Ô: KH = số kế hoạch, BC = số báo cáo của năm, rồi số chỉ tiêu của danh mục đã có giá trị chỉ tiêu hoặc kết quả / tổng số chỉ tiêu trong danh mục; · = chưa có gì.", en: "Cell: P = plans and R = reports filed for the year, then catalog indicators with a target or result / catalog size; · = nothing." },
  "export.col.table": { vi: "bảng", en: "table" },
  "export.col.rows": { vi: "số dòng", en: "rows" },
  "export.col.files": { vi: "số tệp", en: "files" },
  "export.wrote": { vi: "Đã ghi {out} ({format}) trong {seconds} giây: data-dictionary.md, data-dictionary.json, schemas/.", en: "Wrote {out} ({format}) in {seconds} s: data-dictionary.md, data-dictionary.json, schemas/." },
  "query.rows": { vi: "{n} dòng{more}.", en: "{n} row{s:n}{more}." },
  "query.more": { vi: " ({n} dòng chưa hiện: dùng --csv hoặc --json, hoặc --max-rows)", en: " ({n} not shown: use --csv or --json, or --max-rows)" },

  // ── --help: the commands' usage ────────────────────────────────────────────────────────────────
  "usage.etl": { vi: `Cách dùng:
  pnpm etl [TỆP_HOẶC_THƯ_MỤC…] [--db ĐƯỜNG_DẪN] [--json]   nạp văn bản: .txt (mọi bảng mã tiếng Việt), .docx, .pdf
                                                   có lớp chữ, .xlsx (mặc định: data/samples/)
  pnpm etl THƯ_MỤC --manifest TỆP                 kèm những gì người phân tích biết về các tệp: tệp kê khai CSV file,unit,kind,year
                                                   (tệp manifest.csv trong THƯ_MỤC được dùng mà không cần cờ này)
  pnpm etl THƯ_MỤC --dry-run                      đọc, xác định và báo cáo như khi nạp, nhưng không ghi gì
  pnpm etl review [--db ĐƯỜNG_DẪN] [--json]       những mục cần người xem lại, theo tệp, kèm ID và số dòng
  pnpm etl review --accept ID [--as MÃ|none]      xác nhận (hoặc sửa) cách gán chỉ tiêu: ghi vào data/corrections.yaml
  pnpm etl review --accept ID --unit "xã …, huyện …"   chỉ định đơn vị ban hành một tệp (mục đơn vị chưa chắc, tên đơn vị
                                                   khác, tệp bị từ chối vì unknown_unit hoặc ambiguous_unit)
  pnpm etl review --accept ID --value "97,5%"|none     chọn giá trị đúng khi các giá trị mâu thuẫn
  pnpm etl review --accept ID --value "98,6%" [--as MÃ] [--measure target|actual]
                                                   ghi giá trị cho dòng chương trình không đọc được (một kết quả cho
                                                   nhiều chỉ tiêu, không có giá trị, giá trị không đọc được); giữ theo nguyên văn dòng
  pnpm etl review --accept ID --new MÃ --name "…" [--unit percent|count|…] [--direction higher|lower]
                                                   thêm chỉ tiêu mới vào danh mục cho một cách ghi chưa khớp, và gán cách ghi đó
  pnpm etl gazetteer import THƯ_MỤC [--db ĐƯỜNG_DẪN]   cập nhật danh sách đơn vị hành chính từ bản mới hơn (THƯ_MỤC chứa before-2025-07/dvhcvn.json,
                                                   reform-2025-07/splits.json, after-2025-07/units.json)
Tùy chọn:
  --db ĐƯỜNG_DẪN   tệp kho dữ liệu (mặc định: data/warehouse.duckdb)
  --json           in tóm tắt lần chạy dạng JSON (tiếng Anh, cho máy đọc)
  --max-file-mb N  không đọc tệp lớn hơn N MB (mặc định 64)
  --workers N      số luồng đọc tệp (mặc định: một luồng mỗi lõi, tối đa 8; 0 = đọc trên luồng chính)
  --no-ocr         không nhận dạng chữ (OCR) trang PDF quét và ảnh (.png/.jpg): từ chối chúng với lý do needs_ocr
  --file-timeout S dừng đọc một tệp sau S giây (mặc định 60), ghi là timed_out; luồng đọc bị treo quá gấp đôi
                   thời gian đó sẽ bị dừng (lần chạy dưới 1000 tệp đọc trên luồng chính: --workers 1 để áp dụng
                   cả giới hạn cứng)
  --ocr-timeout S  số giây OCR được dùng cho một tệp quét (mặc định 300, khoảng 60 trang); các trang quá thời
                   gian được nêu trong một cảnh báo, phần đã đọc vẫn được giữ
  --gazetteer CSV  danh sách đơn vị dùng thay data/gazetteer/units.csv (cùng các cột)
  --corrections YAML  tệp hiệu chỉnh của người phân tích (mặc định data/corrections.yaml)
  --catalog YAML   danh mục chỉ tiêu (mặc định data/catalog/indicators.yaml; review --new ghi vào đây)
  --manifest CSV   tệp kê khai những gì người phân tích biết về các tệp (file,unit,kind,year)
  --dry-run        đọc, xác định và báo cáo như khi nạp, nhưng không ghi gì
  --lang vi|en     ngôn ngữ hiển thị (mặc định tiếng Việt, hoặc theo DX_LANG); --json luôn bằng tiếng Anh
  --help           nội dung này`, en: `Usage:
  pnpm etl [FILES_OR_DIRS…] [--db PATH] [--json]   load submissions: .txt (any Vietnamese encoding), .docx, .pdf
                                                   with a text layer, .xlsx (default: data/samples/)
  pnpm etl DIR --manifest FILE                   with what the analyst knows about the files: CSV file,unit,kind,year
                                                   (a manifest.csv inside DIR is used without the flag)
  pnpm etl DIR --dry-run                         read, resolve and report as a load would, write nothing
  pnpm etl review [--db PATH] [--json]           what needs a human, by file, with ids and source lines
  pnpm etl review --accept ID [--as CODE|none]   confirm (or correct) a mapping: writes data/corrections.yaml
  pnpm etl review --accept ID --unit "xã …, huyện …"   set the unit that filed a file (unit items, name mismatches,
                                                   files rejected as unknown_unit or ambiguous_unit)
  pnpm etl review --accept ID --value "97,5%"|none     settle a conflict with the right value
  pnpm etl review --accept ID --value "98,6%" [--as CODE] [--measure target|actual]
                                                   give a row the ETL could not read (one result for several
                                                   targets, no value, an unreadable value) its value; kept by its text
  pnpm etl review --accept ID --new CODE --name "…" [--unit percent|count|…] [--direction higher|lower]
                                                   add an indicator to the catalog for an unmapped wording, and map it
  pnpm etl gazetteer import DIR [--db PATH]        update the shipped unit lists from newer ones (DIR holds before-2025-07/dvhcvn.json,
                                                   reform-2025-07/splits.json, after-2025-07/units.json)
Options:
  --db PATH   warehouse file (default: data/warehouse.duckdb)
  --json      print the run summary as JSON
  --max-file-mb N  refuse files larger than N MB unread (default 64)
  --workers N      parser threads (default: one per core, at most 8; 0 = parse on the main thread)
  --no-ocr        do not read scanned PDF pages and page images (.png/.jpg) by OCR: refuse them as needs_ocr
  --file-timeout S give up on a file after S seconds (default 60) as timed_out; a parser thread stuck
                   for twice that is stopped (runs under 1000 files parse on the main thread: --workers 1
                   makes the hard stop apply to them too)
  --ocr-timeout S  seconds OCR may spend on one scanned file (default 300, about 60 pages); the pages
                   past it are named in a warning and what was read is kept
  --gazetteer CSV  units list to use instead of data/gazetteer/units.csv (same columns)
  --corrections YAML  the analyst's corrections (default data/corrections.yaml)
  --catalog YAML   the indicator catalog (default data/catalog/indicators.yaml; review --new writes to it)
  --manifest CSV   what the analyst knows about the files (file,unit,kind,year)
  --dry-run        read, resolve and report as a load would, and write nothing
  --lang vi|en     the language of what it prints (default Vietnamese, or DX_LANG); --json stays English
  --help      this text` },
  "usage.metrics": { vi: `Cách dùng:
  pnpm metrics target-vs-actual [BỘ_LỌC] [--json|--csv]   chỉ tiêu từng năm so với kết quả: đạt / không đạt / …
  pnpm metrics trend            [BỘ_LỌC] [--points] …     chuỗi số liệu của từng đơn vị và tiến độ theo phương pháp Open SDG
  pnpm metrics compare          [BỘ_LỌC] …              xếp hạng đơn vị theo chỉ tiêu và năm, và các đơn vị chưa báo cáo
  pnpm metrics completeness     [BỘ_LỌC] …              kế hoạch và báo cáo của từng đơn vị theo năm, mức bao phủ danh mục
Bộ lọc:
  --indicator MÃ        mã chỉ tiêu trong danh mục, ví dụ xhs.ehealth_record
  --unit TÊN|MÃ         'Hà Tân', 'ha tan', 'xã Hà Tân', 15322, hoặc đơn vị mới sau sắp xếp năm 2025
  --year NĂM            (trend: các chuỗi có năm này)
  --province TÊN|MÃ     tỉnh hiện nay
Tùy chọn:
  --json | --csv        tất cả các cột, cho máy đọc, bằng tiếng Anh (mặc định: bảng dễ đọc)
  --points              trend: in từng điểm số liệu kèm thay đổi so với năm trước
  --lang vi|en          ngôn ngữ của bảng (mặc định tiếng Việt, hoặc theo DX_LANG); --json và --csv luôn bằng tiếng Anh
  --db ĐƯỜNG_DẪN        tệp kho dữ liệu (mặc định: data/warehouse.duckdb)
Các số liệu này cũng là bảng trong kho dữ liệu: target_vs_actual, trend_points, trend_progress,
comparison, completeness (và view comparison_missing).`, en: `Usage:
  pnpm metrics target-vs-actual [FILTERS] [--json|--csv]   each year's target paired with its result: met / not met / …
  pnpm metrics trend            [FILTERS] [--points] …     each unit's series and its Open SDG progress status
  pnpm metrics compare          [FILTERS] …              units ranked per indicator and year, and who did not report it
  pnpm metrics completeness     [FILTERS] …              plans and reports per unit and year, catalog coverage
Filters:
  --indicator CODE      catalog code, e.g. xhs.ehealth_record
  --unit NAME|CODE      'Hà Tân', 'ha tan', 'xã Hà Tân', 15322, or the unit it became after the 2025 reform
  --year YYYY           (trend: series that include the year)
  --province NAME|CODE  current province
Options:
  --json | --csv        all columns, machine-readable (default: a readable table)
  --points              trend: print every point with its year-on-year change
  --lang vi|en          the table's language (default Vietnamese, or DX_LANG); --json and --csv stay English
  --db PATH             warehouse file (default: data/warehouse.duckdb)
The same numbers are tables in the warehouse: target_vs_actual, trend_points, trend_progress,
comparison, completeness (and the view comparison_missing).` },
  "usage.query": { vi: `Cách dùng: pnpm query "SQL" [--json|--csv] [--max-rows N] [--db ĐƯỜNG_DẪN]
Chạy một câu lệnh chỉ đọc trên kho dữ liệu (mặc định: data/warehouse.duckdb).
Bảng:   files, submissions, observation_facts, rejects, warnings, indicators, units, và các bảng số liệu
        target_vs_actual, trend_points, trend_progress, comparison, completeness.
View:   observations, conflicts, comparison_missing (và các view phụ metric_observations, unit_lineage, …).
Dạng bảng in tối đa --max-rows dòng (mặc định 200); --json và --csv in mọi dòng.
--lang vi|en: ngôn ngữ của dòng đếm số dòng (mặc định tiếng Việt, hoặc theo DX_LANG).`, en: `Usage: pnpm query "SQL" [--json|--csv] [--max-rows N] [--db PATH]
Runs one read-only statement against the warehouse (default: data/warehouse.duckdb).
Tables: files, submissions, observation_facts, rejects, warnings, indicators, units, and the metric
        tables target_vs_actual, trend_points, trend_progress, comparison, completeness.
Views:  observations, conflicts, comparison_missing (and helpers metric_observations, unit_lineage, …).
The table view prints at most --max-rows rows (default 200); --json and --csv print every row.
--lang vi|en: the language of the row count (default Vietnamese, or DX_LANG).` },
  "usage.export": { vi: `Cách dùng: pnpm export [--out THƯ_MỤC] [--format parquet|csv] [--with comparison_missing] [--db ĐƯỜNG_DẪN]
Ghi các giá trị (observations), chỉ tiêu so với kết quả, xu hướng, so sánh và mức đầy đủ vào THƯ_MỤC (mặc định:
data/export), chia thư mục kiểu Hive theo tỉnh hiện nay và năm, kèm data-dictionary.md / .json và
các JSON Schema. --with thêm một bảng chỉ ghi khi được yêu cầu (comparison_missing: các đơn vị có
văn bản nhưng không có giá trị; suy ra được và rất lớn). Tệp CSV bắt đầu bằng dấu BOM UTF-8 để Excel đọc đúng tiếng Việt.
Chỉ thay bản xuất trước trong THƯ_MỤC khi bản mới đã ghi xong.
--lang vi|en: ngôn ngữ của những gì lệnh in ra (mặc định tiếng Việt, hoặc theo DX_LANG); các tệp xuất không đổi.`, en: `Usage: pnpm export [--out DIR] [--format parquet|csv] [--with comparison_missing] [--db PATH]
Writes observations, target vs actual, trends, comparisons and completeness to DIR (default:
data/export), partitioned Hive-style by current province and year, with data-dictionary.md / .json and
the JSON Schemas. --with adds a table written only on request (comparison_missing: units with a
document and no value, derivable and large). CSV files start with a UTF-8 byte-order mark for Excel.
Replaces an earlier export in DIR only when the new one is complete.
--lang vi|en: the language of what it prints (default Vietnamese, or DX_LANG); the files are the same.` },
} as const satisfies Record<string, Text>;

export type MessageCode = keyof typeof MESSAGES;

/**
 * Messages whose Vietnamese leaves out a parameter the English names: the English prints the
 * reason's code before a reason ("no_value: the row gives …"), the Vietnamese reason is a sentence
 * that says it. Every other message names the same parameters in both languages.
 */
export const OMITTED_IN_VI: Partial<Record<MessageCode, readonly string[]>> = { "etl.flagged": ["label"], "review.coded": ["label"] };
