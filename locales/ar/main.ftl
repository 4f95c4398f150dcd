# Naboskab — العربية. لغة واضحة: جمل قصيرة، ونخاطب القارئ مباشرة بـ"أنت".
# كل مفتاح هنا يجب أن يوجد في كل اللغات (يتم اختبار ذلك).

## تخطيط الصفحة
skip-to-content = انتقل إلى المحتوى
language-switcher-label = اللغة
main-nav-label = القائمة الرئيسية
nav-home = الصفحة الرئيسية
nav-municipalities = البلديات
nav-account = حسابي
nav-admin = الإدارة
nav-logout = تسجيل الخروج
nav-login = تسجيل الدخول
nav-register = إنشاء حساب
nav-about = عن Naboskab
nav-api = البيانات المفتوحة (API)
nav-demo-outbox = تجربة: الرسائل المرسلة
footer-about = يجمع Naboskab الأنشطة والمجموعات والمساعدة ضد الوحدة في المناطق السكنية الاجتماعية.

## التنسيقات
format-datetime = { $day } { $month } { $year }، الساعة { $time }
format-date = { $day } { $month } { $year }
month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = مايو
month-6 = يونيو
month-7 = يوليو
month-8 = أغسطس
month-9 = سبتمبر
month-10 = أكتوبر
month-11 = نوفمبر
month-12 = ديسمبر

## الصفحة الرئيسية
home-title = مجموعات قريبة منك
home-heading = ابحث عن مجموعات قريبة منك
home-lead = يعرض Naboskab الأنشطة والبيوت المشتركة والمساعدة في منطقتك السكنية. أهلًا بك، حتى لو كنت جديدًا.
home-areas = المناطق السكنية والأقسام السكنية
home-empty = لا توجد مناطق سكنية هنا بعد.
home-how = ما يمكنك فعله في Naboskab
home-how-find = إيجاد أنشطة ومساعدة قريبة منك، بلغتك.
home-how-join = التسجيل في الأنشطة، حتى بدون حساب.
home-how-gather = حجز البيت المشترك حسب قواعد القسم السكني.
home-how-reach = التواصل مع مشرف اجتماعي إذا كنت تشعر بالوحدة.
home-all-municipalities = اعرض كل البلديات الـ98

## عن المنصة
about-title = عن Naboskab
about-lead = Naboskab منصة ضد الوحدة في المناطق السكنية الاجتماعية. تستخدمها جمعيات الإسكان والجمعيات الأهلية والبلديات لتجمع المجموعات في مكان واحد.
about-privacy-heading = معلوماتك
about-privacy = نحفظ فقط ما نحتاج إليه. يمكنك دائمًا أن ترى معلوماتك وتصححها وتحذفها.
about-accessibility-heading = سهولة الوصول
about-accessibility = تتبع الصفحات معيار WCAG 2.1 AA. وهي تعمل بدون JavaScript، ومع قارئ الشاشة، وبلوحة المفاتيح.
about-open-data-heading = البيانات المفتوحة
about-open-data = يمكن تنزيل البلديات والأقسام السكنية والعروض كبيانات مفتوحة. تجد شرح الـ API هنا:

## البلديات
municipalities-title = البلديات
municipalities-lead = كل البلديات الـ98 في الدنمارك، مرتبة حسب الإقليم.
municipality-code = رقم البلدية
municipality-region = الإقليم
municipality-departments = الأقسام السكنية
municipality-no-departments = لا توجد أقسام سكنية على Naboskab في هذه البلدية بعد.
municipality-partners = الجمعيات الأهلية والشركاء
municipality-no-partners = لا توجد جمعيات أهلية أو شركاء على Naboskab في هذه البلدية بعد.
municipality-all = كل البلديات

## المنظمات
org-kind-housing_organisation = جمعية إسكان
org-kind-department = قسم سكني
org-kind-housing_area = منطقة سكنية
org-kind-municipality = البلدية
org-kind-association = جمعية أهلية
org-kind-health_actor = جهة صحية
org-kind-sports_club = نادٍ رياضي
org-kind-other_partner = شريك
org-kind-platform = منصة
org-address = العنوان
org-map-link = اعرض على الخريطة
org-parent = تابع لـ
org-municipality = البلدية
org-cvr = رقم CVR
org-website = الموقع الإلكتروني
org-phone = الهاتف
org-areas = المنطقة السكنية
org-departments = الأقسام السكنية
org-manage-members = الأدوار والأعضاء

## الأدوار
role-resident = ساكن
role-organiser = منظِّم
role-board_member = مجلس القسم السكني
role-social_caretaker = مشرف اجتماعي
role-housing_org_admin = مسؤول في جمعية إسكان
role-municipal_officer = موظف في البلدية
role-platform_admin = مسؤول المنصة

## النماذج
form-error-summary = هناك مشكلة
field-email = البريد الإلكتروني
field-password = كلمة المرور
field-new-password = كلمة المرور الجديدة
field-current-password = كلمة المرور الحالية
field-name = الاسم
field-role = الدور
field-token-name = اسم المفتاح
field-password-hint = 12 حرفًا على الأقل. يمكنك أن تستخدم جملة تتذكرها.
field-required = املأ هذا الحقل.
field-too-long = النص طويل جدًا.
field-email-invalid = اكتب عنوان بريد إلكتروني مثل name@example.com.
field-password-too-short = يجب أن تتكون كلمة المرور من 12 حرفًا على الأقل.
field-password-too-long = يجب ألا تزيد كلمة المرور على 128 حرفًا.
field-password-too-common = كلمة المرور شائعة جدًا. اختر كلمة يصعب تخمينها.
field-current-password-wrong = كلمة المرور الحالية غير صحيحة.
field-role-invalid = اختر دورًا من القائمة.
field-no-such-account = لا يوجد حساب بهذا البريد الإلكتروني.
field-unknown = هذا المعامل غير معروف.
field-invalid = لا يمكن فهم هذه القيمة.
field-kind-invalid = نوع المنظمة غير معروف.
field-oidc-state = انتهت مهلة محاولة تسجيل الدخول. حاول مرة أخرى.

## تسجيل الدخول
login-title = تسجيل الدخول
login-submit = سجّل الدخول
login-failed = البريد الإلكتروني أو كلمة المرور غير صحيحة.
login-forgot = هل نسيت كلمة المرور؟
login-no-account = ليس لديك حساب؟
login-with = سجّل الدخول باستخدام { $provider }
oidc-default-name = مستخدم جديد

## إنشاء حساب
register-title = إنشاء حساب
register-lead = إذا أنشأت حسابًا، يمكنك التسجيل في الأنشطة وحجز البيت المشترك. ويمكنك أيضًا استخدام Naboskab بدون حساب.
register-submit = أنشئ الحساب
register-sent-title = تحقّق من بريدك الإلكتروني
register-sent-body = أرسلنا رسالة إلى هذا العنوان. اضغط على الرابط في الرسالة لتأكيد العنوان. إذا كان لديك حساب من قبل، فستصلك رسالة عن ذلك بدلًا منها.

## تأكيد البريد الإلكتروني
verify-title = أكّد بريدك الإلكتروني
verify-lead = اضغط على الزر لتأكيد عنوان بريدك الإلكتروني.
verify-submit = أكّد البريد الإلكتروني
token-invalid = هذا الرابط لم يعد يعمل. ربما استُخدم من قبل، أو أصبح قديمًا جدًا.

## نسيت كلمة المرور
forgot-title = نسيت كلمة المرور
forgot-lead = اكتب بريدك الإلكتروني. إذا كان هناك حساب، سنرسل لك رابطًا لتختار كلمة مرور جديدة.
forgot-submit = أرسل الرابط
forgot-sent-title = تحقّق من بريدك الإلكتروني
forgot-sent-body = إذا كان هناك حساب بهذا العنوان، فقد أرسلنا إليه رابطًا. يعمل الرابط لمدة 30 دقيقة.
reset-title = اختر كلمة مرور جديدة
reset-submit = احفظ كلمة المرور الجديدة

## حسابي
account-title = حسابي
account-unverified = لم يتم تأكيد بريدك الإلكتروني بعد.
account-resend = أرسل رسالة التأكيد مرة أخرى
account-roles = الأدوار
account-no-roles = ليس لديك أي دور بعد. يمكن لجمعية الإسكان الخاصة بك أن تعطيك دورًا.
account-change-password = تغيير كلمة المرور
account-change-password-submit = غيّر كلمة المرور
account-sessions = أين سجّلت الدخول
account-session-count = { $count ->
    [zero] حسابك غير مفتوح على أي جهاز.
    [one] حسابك مفتوح على جهاز واحد.
    [two] حسابك مفتوح على جهازين.
    [few] حسابك مفتوح على { $count } أجهزة.
    [many] حسابك مفتوح على { $count } جهازًا.
   *[other] حسابك مفتوح على { $count } جهاز.
}
account-logout-everywhere = سجّل الخروج من كل الأجهزة
account-tokens = مفاتيح API
account-tokens-lead = المفاتيح تسمح للبرامج باستخدام Naboskab باسمك. لا تعطها لأي أحد أبدًا.
account-token-created = هذا مفتاحك الجديد. انسخه الآن: لن يظهر إلا هذه المرة فقط.
account-token-created-at = تاريخ الإنشاء
account-token-used-at = آخر استخدام
account-token-never = أبدًا
account-token-actions = الإجراءات
account-token-revoke = احذف المفتاح { $name }
account-token-create = أنشئ مفتاحًا

## رسائل أعلى الصفحة
notice-logged-out = لقد سجّلت الخروج.
notice-logged-out-everywhere = لقد سجّلت الخروج من كل الأجهزة.
notice-password-changed = تم تغيير كلمة المرور. وتم تسجيل خروجك من أجهزتك الأخرى.
notice-password-reset = تم حفظ كلمة المرور. سجّل الدخول بكلمة المرور الجديدة.
notice-email-verified = شكرًا! تم تأكيد بريدك الإلكتروني.
notice-verification-sent = أرسلنا إليك رسالة جديدة فيها رابط التأكيد.
notice-token-revoked = تم حذف المفتاح.
notice-members-updated = تم تحديث الأدوار.
notice-oidc-failed = توقف تسجيل الدخول. حاول مرة أخرى، أو استخدم البريد الإلكتروني وكلمة المرور.

## الإدارة
admin-title = الإدارة
admin-users = الحسابات
admin-organisations = المنظمات
members-title = الأدوار في { $org }
members-back = العودة إلى المنظمة
members-none = لا أحد لديه دور هنا بعد.
members-grant = أعطِ دورًا أو أزِله
members-remove = أزِل الدور بدلًا من إعطائه
members-submit = احفظ

## صندوق الرسائل الصادرة (تجربة)
outbox-title = الرسائل المرسلة (تجربة)
outbox-lead = في النسخة التجريبية لا تُرسَل الرسائل فعلًا. تظهر هنا لتتمكن من الضغط على الروابط.
outbox-empty = لا توجد رسائل بعد.
outbox-to = إلى
outbox-links = الروابط في الرسالة

## رسائل البريد الإلكتروني
mail-verify-subject = أكّد بريدك الإلكتروني في Naboskab
mail-verify-body = مرحبًا { $name }

    شكرًا لأنك أنشأت حسابًا في Naboskab.
    افتح الرابط لتأكيد بريدك الإلكتروني:

    { $link }

    يعمل الرابط لمدة 48 ساعة. إذا لم تنشئ حسابًا، يمكنك تجاهل هذه الرسالة.
mail-reset-subject = اختر كلمة مرور جديدة في Naboskab
mail-reset-body = مرحبًا { $name }

    طلب شخص ما إعادة تعيين كلمة المرور لحسابك.
    افتح الرابط لتختار كلمة مرور جديدة:

    { $link }

    يعمل الرابط لمدة 30 دقيقة. إذا لم تطلب ذلك، يمكنك تجاهل هذه الرسالة.
mail-exists-subject = لديك حساب في Naboskab من قبل
mail-exists-body = مرحبًا { $name }

    حاول شخص ما إنشاء حساب ببريدك الإلكتروني، لكن لديك حساب من قبل.
    إذا نسيت كلمة المرور، يمكنك اختيار كلمة جديدة هنا:

    { $link }

## الأخطاء
error-back-home = اذهب إلى الصفحة الرئيسية
error-status = رمز الخطأ
error-not-found = هذه الصفحة غير موجودة
error-not-found-help = تأكد من العنوان، أو اذهب إلى الصفحة الرئيسية وابحث من هناك.
error-unauthorized = يجب أن تسجّل الدخول
error-unauthorized-help = سجّل الدخول لترى هذه الصفحة.
error-forbidden = ليس لديك إذن بالدخول
error-forbidden-help = دورك لا يسمح لك بهذا. تواصل مع جمعية الإسكان الخاصة بك إذا كنت تظن أن هذا خطأ.
error-csrf = انتهت صلاحية النموذج
error-csrf-help = ارجع إلى الصفحة السابقة، وأعد تحميلها، وحاول مرة أخرى. لم يتغير أي شيء.
error-invalid = هناك خطأ في الطلب
error-invalid-help = صحّح الحقول المعلَّمة وحاول مرة أخرى.
error-conflict = هذا موجود من قبل
error-conflict-help = ما تحاول إنشاءه موجود من قبل.
error-token-used = هذا الرابط استُخدم من قبل
error-token-used-help = اطلب رابطًا جديدًا.
error-too-large = ما أرسلته كبير جدًا
error-too-large-help = أرسل بيانات أقل في كل مرة.
error-media-type = لا يمكن استخدام هذه الصيغة
error-media-type-help = أرسل البيانات كنموذج أو بصيغة JSON.
error-method = لا يمكن القيام بهذا هنا
error-method-help = لا يمكن استخدام الصفحة بهذه الطريقة.
error-too-many = محاولات كثيرة جدًا
error-too-many-help = انتظر قليلًا، ثم حاول مرة أخرى.
error-unavailable = Naboskab غير متاح مؤقتًا
error-unavailable-help = لا نستطيع الوصول إلى قاعدة البيانات الآن. حاول مرة أخرى بعد قليل. لم يضِع شيء مما حفظته.
error-internal = حدث خطأ
error-internal-help = الخطأ منّا. حاول مرة أخرى بعد قليل.

## البحث: العروض والبحث
nav-offers = ابحث عن أنشطة
home-welcome-offers = هنا نرحّب دائمًا بالقادمين الجدد
home-all-offers = اعرض كل الأنشطة والعروض
offers-title = ابحث عن أنشطة ومساعدة
offers-lead = ابحث عن أنشطة ومجموعات ومساعدة قريبة منك. يمكنك أن تكتب بالدنماركية أو بلغتك.
offers-search-label = عمّ تبحث؟
offers-search-placeholder = مثلاً: حياكة، وجبة مشتركة، مساعدة في الواجبات
offers-search-submit = ابحث
offers-filters = خيارات أكثر
offers-near-department = قريب من
offers-anywhere = في أي مكان
offers-radius = المسافة
offers-category = الموضوع
offers-all = كل المواضيع
offers-target-group = لمن
offers-everyone = للجميع
offers-language = اللغة
offers-any-language = كل اللغات
offers-weekday = يوم الأسبوع
offers-any-day = كل الأيام
offers-only-free = المجانية فقط
offers-only-step-free = بدون درج فقط (مدخل بدون درج)
offers-only-newcomers = فقط حيث يُرحَّب بالقادمين الجدد
offers-results = النتائج
offers-newest = أحدث العروض
offers-near = قرب { $place }
offers-none = لم نجد أي عروض. جرّب كلمة أخرى أو خيارات أقل.
offers-none-help = هل تشعر بأنك وحيد؟ يمكنك أن تجد مساعدة هنا.
offers-next-page = اعرض المزيد
offer-free = مجاني
offer-distance = على بُعد { $distance }
offer-languages-short = اللغات
offer-newcomers-welcome = القادمون الجدد مرحَّب بهم
offer-drop-in = تعال فقط، بدون تسجيل
offer-step-free = مدخل بدون درج
offer-not-step-free = المدخل فيه درج
offer-accessible-toilet = حمّام لذوي الإعاقة
offer-hearing-loop = حلقة سمعية
offer-bring-friend = أحضِر صديقًا معك
offer-when = متى
offer-where = أين
offer-cost = السعر
offer-languages = اللغات
offer-for = لمن
offer-categories = المواضيع
offer-accessibility = سهولة الوصول
offer-contact = التواصل
offer-bring = ماذا تحضر معك
offer-first-time = هل هذه أول مرة؟
offer-back = العودة إلى البحث
offer-edit = عدّل العرض
offer-not-published = هذا العرض ليس منشورًا بعد
status-draft = مسودة
status-pending = ينتظر الموافقة
status-published = منشور
status-archived = مؤرشف
kind-activity = نشاط
kind-community = مجموعة ونادٍ
kind-self_help = مساعدة ذاتية ومجموعة حوار
kind-volunteering = عمل تطوعي
kind-municipal_service = خدمة من البلدية
kind-counselling = استشارة وخط مساعدة
target-children = الأطفال
target-young = الشباب من 15 إلى 24 سنة
target-adults = البالغون
target-elderly = كبار السن 65+
target-families = العائلات
target-intergenerational = لكل الأجيال معًا
target-women = النساء
target-men = الرجال
target-newcomers = القادمون الجدد إلى الدنمارك أو إلى المنطقة
weekday-1 = الاثنين
weekday-2 = الثلاثاء
weekday-3 = الأربعاء
weekday-4 = الخميس
weekday-5 = الجمعة
weekday-6 = السبت
weekday-7 = الأحد
place-offers = الأنشطة والعروض
place-all-offers = ابحث في كل العروض هنا
place-all-offers-near = اعرض كل العروض القريبة
feed-title = عروض جديدة في { $place }
feed-link = اشترك في العروض الجديدة (Atom)
field-choose-from-list = اختر واحدًا من الخيارات.
field-price-invalid = اكتب السعر بالكرونة، مثلاً 25 أو 25,50.
field-coords-invalid = الإحداثيات خارج الخريطة.
field-radius-invalid = يجب أن تكون المسافة بين 100 و100000 متر.
field-near-invalid = اكتب نقطة المركز هكذا: خط العرض,خط الطول، مثلاً 55.65,12.30.
field-postal-code-unknown = لا نعرف هذا الرمز البريدي.
field-limit-invalid = يجب أن يكون العدد بين 1 و100.
field-limit-1000-invalid = يجب أن يكون العدد بين 1 و1000.
field-per-page-invalid = يجب أن يكون العدد في الصفحة بين 1 و500.
field-department-required = اختر أين تسكن.
field-phone = الهاتف
field-phone-or-email = اكتب رقم هاتف أو بريدًا إلكترونيًا، لكي نستطيع التواصل معك.
field-phone-invalid = اكتب رقم هاتف من 8 أرقام.
field-consent-required = ضع علامة في المربع إذا كنت تسمح لنا بالتواصل معك.

## هل تشعر بالوحدة؟
lonely-link = هل تشعر بالوحدة؟
lonely-title = هل تشعر بالوحدة؟
lonely-lead = أنت لست وحدك. كثير من الناس يشعرون بهذا من وقت لآخر، ويمكن أن يتحسن الحال.
lonely-body = هنا يمكنك أن تتصل وتتحدث مع شخص ما، أو تجد مشرفًا اجتماعيًا في منطقتك السكنية، أو تطلب منا أن نتصل بك. هذا مجاني.
lonely-helplines = اتصل وتحدّث مع شخص ما
lonely-example-number = مثال فقط: هذا الرقم ليس حقيقيًا في النسخة التجريبية.
lonely-local = مساعدة حيث تسكن
lonely-where-do-you-live = أين تسكن؟
lonely-choose = اختر قسمك السكني
lonely-show-local = اعرض المساعدة حيث أسكن
lonely-caretakers-in = المشرفون الاجتماعيون في { $department }
lonely-no-caretakers = لا يوجد مشرف اجتماعي هنا بعد. اتصل بأحد الخطوط في الأعلى، أو املأ النموذج في الأسفل.
lonely-office-hours = أوقات الاستقبال
lonely-welcome-offers = أماكن يُرحَّب فيها بالقادمين الجدد
lonely-contact-me = هل يمكننا أن نتصل بك؟
lonely-contact-lead = اكتب اسمك وكيف نستطيع التواصل معك. سيتواصل معك مشرف اجتماعي، لتتحدثا معًا عمّا قد يكون مفيدًا لك.
lonely-phone-or-email = الهاتف أو البريد الإلكتروني. يكفي أن تكتب واحدًا منهما.
lonely-language = بأي لغة تفضّل أن تتحدث؟
lonely-when = ما أنسب وقت لنتصل بك؟
lonely-message = هل تريد أن تخبرنا بشيء؟ (اختياري)
lonely-consent = أسمح لمشرف اجتماعي من منطقتي السكنية أن يتواصل معي، وأسمح بحفظ معلوماتي لهذا الغرض.
lonely-submit = أرسل
lonely-store-failed = لم نستطع حفظ رسالتك الآن. ما كتبته ما زال موجودًا في الأسفل. حاول مرة أخرى بعد قليل، أو اتصل بأحد الخطوط.
lonely-thanks-title = شكرًا. سنتواصل معك.
lonely-thanks-body = سيتواصل معك مشرف اجتماعي من منطقتك السكنية خلال بضعة أيام عمل. إذا كنت تحتاج أن تتحدث مع شخص ما الآن، يمكنك أن تتصل بأحد الخطوط في صفحة "هل تشعر بالوحدة؟".

## المنظِّمون: إنشاء العروض وتعديلها
nav-manage-offers = عروضي
manage-title = عروضي
manage-new-offer = أنشئ عرضًا
manage-edit-offer = عدّل العرض
manage-pending = تنتظر موافقتك
manage-approve = وافق على { $title }
manage-mine = العروض من جمعياتي الأهلية وأقسامي السكنية
manage-none = لا توجد عروض بعد.
manage-status = الحالة
manage-edit = عدّل { $title }
manage-archive = أرشفة { $title }
manage-preview = اعرض المعاينة
manage-publish = انشر
manage-save-draft = احفظ كمسودة
manage-welcome = الترحيب
manage-translations = الترجمات (اختياري)
manage-title-en = العنوان بالإنجليزية
manage-description-en = الوصف بالإنجليزية
manage-title-ar = العنوان بالعربية
manage-description-ar = الوصف بالعربية
field-title = العنوان
field-organisation = جمعية أهلية أو قسم سكني
field-kind = نوع العرض
field-description = الوصف
field-description-hint = اكتب باختصار ووضوح. السطر الفارغ يبدأ فقرة جديدة.
field-department = أين يُقام؟
field-department-none = مكان آخر (اكتب العنوان في الأسفل)
field-address-other = العنوان، إذا لم يكن في قسم سكني
field-street = الشارع والرقم
field-postal-code = الرمز البريدي
field-city = المدينة
field-price = السعر بالكرونة
field-price-hint = اترك الحقل فارغًا إذا كان مجانيًا.
notice-offer-draft = تم حفظ العرض كمسودة. أنت وجمعيتك الأهلية فقط يمكنكم رؤيته.
notice-offer-pending = شكرًا. العرض الآن ينتظر موافقة جمعية الإسكان.
notice-offer-published = تم نشر العرض.
notice-offer-saved = تم حفظ التغييرات.
notice-offer-archived = تمت أرشفة العرض.
notice-offer-approved = تمت الموافقة على العرض ونشره.

## Administration of Find: helplines and approval
admin-helplines = خطوط المساعدة في صفحة "هل تشعر بالوحدة؟"
admin-helplines-intro = تظهر خطوط المساعدة في صفحة "هل تشعر بالوحدة؟" بهذا الترتيب. اكتب أوقات العمل حتى يعرف الناس متى يمكنهم الاتصال.
helpline-add = أضف خط مساعدة
helpline-hours = أوقات العمل
helpline-url = الموقع الإلكتروني
helpline-is-example = مثال: الرقم ليس حقيقيًا (يظهر مع علامة)
helpline-example-badge = مثال
helpline-delete = احذف خط المساعدة بدلًا من الحفظ
helpline-save = احفظ
field-helpline-phone-invalid = اكتب رقم الهاتف بالأرقام. يُسمح بالمسافات و+ و- والأقواس.
field-url-invalid = اكتب عنوانًا يبدأ بـ https://
notice-settings-saved = تم حفظ التغييرات.
approval-heading = الموافقة على عروض الجمعيات الجديدة
approval-label = عروض الجمعيات الجديدة في أقسامنا تنتظر موافقتنا
approval-hint = بعد الموافقة على عرض واحد لجمعية ما، تُنشر عروضها التالية فورًا.
approval-submit = احفظ الإعداد

## Join: calendar, sign-up, attendance
nav-calendar = التقويم
calendar-nav = التنقل في التقويم
calendar-week-of = الأسبوع من { $date }
calendar-month-of = { $month }
calendar-prev-week = الأسبوع السابق
calendar-next-week = الأسبوع التالي
calendar-prev-month = الشهر السابق
calendar-next-month = الشهر التالي
calendar-as-list = اعرض الأسبوع كقائمة
calendar-as-month = اعرض الشهر كله
calendar-subscribe = اشترك في التقويم من تطبيق التقويم لديك
calendar-programme = برنامج الأسبوع للوحة الإعلانات
calendar-today = اليوم
calendar-nothing = لا توجد أنشطة.
occurrence-about-offer = عن النشاط
occurrence-cancelled = ملغى
occurrence-places = الأماكن
occurrence-places-left = { $count ->
    [0] كل الأماكن محجوزة
    [one] بقي مكان واحد
   *[other] الأماكن المتبقية: { $count }
}
occurrence-no-limit = يوجد مكان للجميع
occurrence-signup = التسجيل
occurrence-add-to-calendar = أضِف الموعد إلى تقويمك
occurrence-sign-up = سجّل في النشاط
occurrence-join-waitlist = سجّل اسمك في قائمة الانتظار
occurrence-full-hint = النشاط ممتلئ الآن. سجّل اسمك في قائمة الانتظار: إذا لم يستطع أحد الحضور، تتقدم في القائمة وتصلك رسالة.
signup-contact-hint = اكتب رقم هاتفك أو بريدك الإلكتروني. سنرسل لك رسالة فيها رابط، لتؤكد تسجيلك أو تلغيه.
signup-first-time = هذه أول مرة لي – أرجو أن ترحّبوا بي
signup-bring-friend = سأُحضر صديقًا معي (+1)
signup-assisted = سجّل ساكنًا نيابةً عنه
signup-resident-name = اسم الساكن
signup-consent-method = كيف وافق الساكن على التسجيل؟
signup-assisted-submit = سجّل الساكن
consent-in_person = وجهًا لوجه
consent-by_phone = عبر الهاتف
consent-in_writing = كتابيًا
field-choose = اختر …
field-consent-method-required = اختر كيف أعطى الساكن موافقته.
field-number-invalid = اكتب رقمًا.
field-datetime-invalid = اكتب وقتًا مثل 2027-01-05T14:00 أو تاريخًا مثل 2027-01-05.
field-window-invalid = يجب أن تكون النهاية بعد البداية، وألا تزيد على 400 يوم بعدها.
signup-done-confirmed = تم تسجيلك. نتطلع إلى رؤيتك.
signup-done-waitlisted = { $position ->
    [one] أنت رقم 1 في قائمة الانتظار. إذا لم يستطع أحد الحضور، تحصل على مكانه وتصلك رسالة.
   *[other] أنت رقم { $position } في قائمة الانتظار. إذا لم يستطع أحد الحضور، تتقدم في القائمة وتصلك رسالة.
}
signup-done-already = أنت مسجّل من قبل.
signup-done-check-messages = أرسلنا رسالة إلى { $to }. افتح الرابط في الرسالة خلال يوم واحد لتأكيد تسجيلك، وإلا فسيذهب المكان إلى شخص آخر.
signup-manage-link = اعرض تسجيلك أو ألغِه
signup-back = العودة إلى النشاط
signup-status = الحالة
signup-status-confirmed = لديك مكان.
signup-status-cancelled = تم إلغاء تسجيلك.
signup-confirm-button = أكّد تسجيلي
signup-cancel-button = ألغِ تسجيلي
signup-closed = لم يعد التسجيل ممكنًا: النشاط أُلغي أو انتهى.
signup-already = أنت مسجّل في هذا الموعد من قبل.
signup-drop-in = لا تحتاج إلى التسجيل هنا. تعال فقط.
notice-signup-confirmed = شكرًا! تم تأكيد تسجيلك.
notice-signup-cancelled = تم إلغاء تسجيلك. شكرًا لأنك أخبرتنا.
signup-mail-subject = تم تسجيلك: { $offer }
signup-mail-body = مرحبًا { $name }. تم تسجيلك في { $offer }، { $when }. إذا لم تستطع الحضور، ألغِ تسجيلك هنا: { $link }
signup-waitlist-mail-subject = أنت في قائمة الانتظار: { $offer }
signup-waitlist-mail-body = مرحبًا { $name }. أنت في قائمة انتظار { $offer }، { $when }. إذا لم يستطع أحد الحضور، تصلك رسالة. اعرض تسجيلك أو ألغِه هنا: { $link }
signup-confirm-mail-subject = أكّد تسجيلك: { $offer }
signup-confirm-mail-body = مرحبًا { $name }. افتح الرابط لتأكيد تسجيلك في { $offer }، { $when }. ويمكنك هناك أيضًا إلغاء التسجيل: { $link }
promoted-mail-subject = حصلت على مكان: { $offer }
promoted-mail-body = مرحبًا { $name }. أصبح هناك مكان فارغ، وهو لك: { $offer }، { $when }. نتطلع إلى رؤيتك.
cancelled-mail-subject = تم الإلغاء: { $offer }
cancelled-mail-body = مرحبًا { $name }. للأسف تم إلغاء { $offer }، { $when }. { $reason }
attendance-title = قائمة الحضور
attendance-present-count = { $count ->
    [one] حضر شخص واحد
   *[other] عدد الحاضرين: { $count }
}
attendance-capacity = عدد الأماكن: { $count }
attendance-signed-up = المسجّلون
attendance-nobody = لم يسجّل أحد بعد.
attendance-waitlisted = في قائمة الانتظار
attendance-first-time = أول مرة
attendance-unconfirmed = غير مؤكَّد
attendance-walk-ins = حضروا بدون تسجيل
attendance-add-walk-in = حضر شخص بدون تسجيل: اكتب اسمه
attendance-add = أضِف
attendance-headcount = عدد الحاضرين (بدون أسماء)
attendance-save-headcount = احفظ العدد
offer-upcoming = المواعيد القادمة
reminder-mail-subject = غدًا: { $offer }
reminder-mail-body = مرحبًا { $name }. تذكير بـ { $offer }، { $when }. نتطلع إلى رؤيتك. إذا لم تستطع الحضور، ألغِ تسجيلك حتى يحصل شخص آخر على مكانك: { $link }
schedule-title = الجدول الزمني
schedule-none = لا يوجد جدول زمني لهذا النشاط بعد. أضف الأول أدناه.
schedule-existing = الجداول الزمنية
schedule-first = المرة الأولى
schedule-repeat = يتكرر
schedule-duration = المدة بالدقائق
schedule-add = أضف جدولًا زمنيًا
schedule-start = التاريخ والوقت
schedule-rule = قاعدة خاصة (RRULE)
schedule-rule-hint = فقط عند اختيار "قاعدة خاصة"، مثل FREQ=MONTHLY;BYDAY=2TU لثاني يوم ثلاثاء في الشهر.
schedule-until = آخر تاريخ (اختياري)
schedule-place = المكان، إذا لم يكن المكان المعتاد للنشاط (مثل غرفة)
schedule-signup-required = يلزم التسجيل
schedule-capacity = عدد الأماكن (فارغ: بلا حد)
schedule-once = مرة واحدة
schedule-repeat-once = مرة واحدة فقط
schedule-repeat-weekly = كل أسبوع
schedule-repeat-fortnightly = كل أسبوعين
schedule-repeat-monthly_first = أول يوم من هذا النوع في الشهر
schedule-repeat-monthly_last = آخر يوم من هذا النوع في الشهر
schedule-repeat-rule = قاعدة خاصة
field-duration-invalid = اكتب المدة بالدقائق، من 1 إلى 1440.
field-date-invalid = اكتب تاريخًا مثل 2027-06-30.
field-rule-invalid = لا يمكن استخدام هذه القاعدة. اكتب مثلًا FREQ=WEEKLY;BYDAY=TU.
field-cancel-reason-required = اكتب السبب حتى يعرف المشاركون.
occurrence-edit = غيّر هذا الموعد
occurrence-cancel = ألغِ هذا الموعد (سيُبلَّغ جميع المسجلين)
occurrence-cancel-reason = السبب للمشاركين
programme-hint = اطبع الصفحة (Ctrl+P) للوحة الإعلانات. يمكنك إضافة لغة ثانية بجانب الدنماركية:
programme-danish-only = الدنماركية فقط
programme-footer = الجميع مرحب بهم. امسح الرمز بهاتفك لمعرفة المزيد والتسجيل · naboskab.dk
home-today = يحدث اليوم
home-today-nothing = لا يوجد شيء آخر اليوم. شاهد ما يحدث في بقية الأسبوع.
home-today-calendar = شاهد تقويم الأسبوع كاملًا
calendar-filters = اختر ما تريد رؤيته
calendar-filter-submit = اعرض
personal-feed-title = تقويمك الخاص
personal-feed-lead = أضف هذا العنوان إلى التقويم في هاتفك أو حاسوبك. ستظهر عندها كل الأنشطة التي سجلت فيها في تقويمك، حتى عندما تُنقل أو تُلغى.
personal-feed-address = عنوان تقويمك
personal-feed-open = افتح في تقويمك
personal-feed-secret = العنوان سري: فهو يُظهر ما سجلت فيه. إذا أنشأت عنوانًا جديدًا، يتوقف العنوان القديم عن العمل.
personal-feed-back = العودة إلى حسابك
account-signups = تسجيلاتك
account-no-signups = لم تسجل في أي نشاط بعد.
account-calendar-feed-lead = أدخل كل تسجيلاتك في التقويم على هاتفك.
account-calendar-feed = أنشئ عنوانًا لتقويمك
schedule-replace-legend = هل يتغير الجدول الزمني ابتداءً من تاريخ معين؟
schedule-replaces = الجدول الجديد يحل محل
schedule-replaces-none = لا شيء (يُضاف إلى الجداول الأخرى)
schedule-from = ابتداءً من تاريخ
home-today-near = يحدث اليوم بالقرب منك

## Gather: rooms and bookings
nav-rooms = القاعات
rooms-title = البيوت المشتركة والقاعات
rooms-lead = شاهد متى يكون البيت المشترك والقاعات الأخرى متاحة، واحجزها حسب قواعد القسم السكني.
rooms-none = لا توجد قاعات بعد.
room-type = نوع القاعة
room-type-faelleshus = بيت مشترك
room-type-party_room = قاعة حفلات
room-type-meeting_room = قاعة اجتماعات
room-type-workshop = ورشة
room-type-laundry_cafe = مقهى المغسلة
room-type-outdoor = مساحة خارجية
room-capacity = السعة
room-capacity-people = { $count ->
    [one] شخص واحد
    [two] شخصان
    [few] { $count } أشخاص
    [many] { $count } شخصًا
   *[other] { $count } شخص
}
room-opening = أوقات الفتح
room-facilities = التجهيزات
room-no-accessibility = لا توجد معلومات عن سهولة الوصول.
room-keys = المفاتيح
key-method-office = تستلم المفتاح من مكتب إدارة العقار.
key-method-key_box = صندوق مفاتيح عند الباب. تحصل على الرمز عندما يتم تأكيد الحجز.
key-method-electronic_lock = قفل إلكتروني. تحصل على الرمز عندما يتم تأكيد الحجز.
room-price = السعر
room-price-weekday = من الاثنين إلى الجمعة
room-price-weekend = السبت والأحد
room-price-per-day = لليوم
room-price-per-hour = للساعة
room-deposit = مبلغ التأمين
room-house-rules = قواعد الاستخدام
room-who-books = من يمكنه الحجز، وبأي شروط
room-availability = متى تكون القاعة متاحة؟
room-feed = اشترك في تقويم القاعة
room-taken = محجوز
room-free = متاح
room-closed = مغلقة
room-day-free = متاح
room-day-partly = محجوز جزئيًا
room-day-full = محجوز بالكامل
room-day-closed = مغلق
room-book = احجز القاعة
room-login-to-book = سجّل الدخول لتحجز القاعة.
room-cannot-book = يمكنك أن ترى القاعة، لكن لا يمكنك حجزها. اسأل مجلس القسم السكني إذا كنت تظن أنه يجب أن تستطيع ذلك.
room-cleaning = التنظيف قبل أن تعيد المفتاح
room-settings = الإعدادات
room-use-title = استخدام القاعات
booking-kind = نوع الاستخدام
booking-kind-community = نشاط مشترك (مجاني ومفتوح لكل السكان)
booking-kind-association = جمعية أهلية أو شريك
booking-kind-private = مناسبة خاصة
booking-kind-external = تأجير لآخرين
bookers-residents = سكان القسم السكني
bookers-organisers = الجمعيات الأهلية والشركاء
bookers-board = مجلس القسم السكني
bookers-staff = موظفو جمعية الإسكان
rule-who = يمكن أن يحجزها
rule-duration = { $hours ->
    [one] ساعة واحدة في كل مرة كحد أقصى.
    [two] ساعتان في كل مرة كحد أقصى.
    [few] { $hours } ساعات في كل مرة كحد أقصى.
    [many] { $hours } ساعة في كل مرة كحد أقصى.
   *[other] { $hours } ساعة في كل مرة كحد أقصى.
}
rule-ahead = { $days ->
    [one] يمكن الحجز قبل يوم واحد كحد أقصى.
    [two] يمكن الحجز قبل يومين كحد أقصى.
    [few] يمكن الحجز قبل { $days } أيام كحد أقصى.
    [many] يمكن الحجز قبل { $days } يومًا كحد أقصى.
   *[other] يمكن الحجز قبل { $days } يوم كحد أقصى.
}
rule-approval-none = يتم التأكيد فورًا.
rule-approval-board = يوافق عليه مجلس القسم السكني.
rule-approval-staff = توافق عليه جمعية الإسكان.
rule-quiet = غير مسموح في الوقت { $hours }.
rule-per-month = { $count ->
    [one] مرة واحدة في الشهر كحد أقصى لكل ساكن.
    [two] مرتان في الشهر كحد أقصى لكل ساكن.
    [few] { $count } مرات في الشهر كحد أقصى لكل ساكن.
    [many] { $count } مرة في الشهر كحد أقصى لكل ساكن.
   *[other] { $count } مرة في الشهر كحد أقصى لكل ساكن.
}
rule-min-age = يجب أن يكون عمرك { $age } سنة على الأقل.
rule-closed-days = غير متاح أيام: { $days }.
rule-advance = دفعة مقدمة: { $amount }.
rule-cancel-notice = { $days ->
    [one] تخسرها إذا ألغيت الحجز قبل أقل من يوم واحد.
    [two] تخسرها إذا ألغيت الحجز قبل أقل من يومين.
    [few] تخسرها إذا ألغيت الحجز قبل أقل من { $days } أيام.
    [many] تخسرها إذا ألغيت الحجز قبل أقل من { $days } يومًا.
   *[other] تخسرها إذا ألغيت الحجز قبل أقل من { $days } يوم.
}
booking-organisation = الجمعية الأهلية
booking-date = التاريخ
booking-from = من الساعة
booking-to = إلى الساعة
booking-to-hint = إذا كان وقت النهاية قبل وقت البداية، فهذا يعني اليوم التالي، مثلًا من 18:00 إلى 01:00.
booking-title = لأي غرض ستُستخدم القاعة؟
booking-title-hint = الأنشطة المشتركة والجمعيات الأهلية تظهر بهذا العنوان في التقويم. أما المناسبات الخاصة فتظهر فقط كـ"محجوز".
booking-attendees = العدد المتوقع للمشاركين
booking-note = رسالة إلى من يوافق على الحجز
booking-repeat-until = كرّر كل أسبوع حتى
booking-repeat-hint = للأنشطة المشتركة والجمعيات الأهلية فقط. نحجز التواريخ المتاحة، ونعرض لك التواريخ التي تعذّر حجزها.
booking-age-declared = عمري { $age } سنة على الأقل.
booking-rules-accepted = قرأت قواعد الاستخدام وسألتزم بها.
booking-displace = اطلب من الحجز الخاص الذي لم تتم الموافقة عليه أن يترك الوقت للنشاط المشترك. سيتم إبلاغ الساكن.
booking-displace-hint = هذا الوقت محجوز فقط بحجز خاص لم تتم الموافقة عليه بعد. النشاط المشترك له الأولوية.
booking-refused = الحجز لا يتبع قواعد القاعة
booking-taken = القاعة محجوزة في هذا الوقت
booking-taken-by = القاعة محجوزة { $when }.
booking-page-title = الحجز
booking-status = الحالة
booking-status-requested = ينتظر الموافقة
booking-status-confirmed = مؤكَّد
booking-status-rejected = مرفوض
booking-status-cancelled = ملغى
booking-status-displaced = تُرك الوقت لنشاط مشترك
booking-booker = الحجز باسم
booking-paid-with-rent = يُدفع مع الإيجار
booking-forfeited = الدفعة المقدمة التي ضاعت
deposit-none = لا يوجد مبلغ تأمين
deposit-held = يُطلب مبلغ تأمين
deposit-returned = أُعيد مبلغ التأمين
deposit-withheld = لم يُرجَع مبلغ التأمين
booking-keys = المفاتيح والتسليم
booking-decide = وافق أو ارفض
booking-reason = السبب
booking-reason-hint = يجب ملء هذا الحقل عند الرفض. سيرى الساكن السبب.
booking-approve = وافق
booking-reject = ارفض
booking-cancel = ألغِ الحجز
booking-deposit-settle = مبلغ التأمين بعد فحص النظافة
booking-deposit-withheld = المبلغ الذي لن يُرجَع (بالكرونة)
booking-deposit-hint = اكتب 0 أو اترك الحقل فارغًا إذا كان كل شيء على ما يرام.
booking-deposit-save = احفظ
booking-already-decided = تم البت في الحجز أو إلغاؤه من قبل.
booking-already-decided-help = أعد تحميل الصفحة لترى حالته.
booking-deposit-settled = تم البت في مبلغ التأمين من قبل.
booking-deposit-settled-help = أعد تحميل الصفحة لترى ما تقرر.
booking-taken-help = اختر وقتًا آخر. صفحة القاعة تعرض متى تكون متاحة.
booking-series-title = حجزك المتكرر
booking-series-booked = { $count ->
    [one] تم حجز تاريخ واحد
    [two] تم حجز تاريخين
    [few] تم حجز { $count } تواريخ
    [many] تم حجز { $count } تاريخًا
   *[other] تم حجز { $count } تاريخ
}
booking-series-missing = { $count ->
    [one] تعذّر حجز تاريخ واحد
    [two] تعذّر حجز تاريخين
    [few] تعذّر حجز { $count } تواريخ
    [many] تعذّر حجز { $count } تاريخًا
   *[other] تعذّر حجز { $count } تاريخ
}
booking-series-missing-hint = اختر وقتًا آخر لهذه التواريخ، أو تحدّث مع المسؤول عن القاعة.
notice-booking-requested = شكرًا! أرسلنا طلبك للموافقة عليه. ستصلك رسالة.
notice-booking-confirmed = تم تأكيد الحجز.
notice-booking-rejected = تم رفض الحجز، وتم إبلاغ الساكن.
notice-booking-cancelled = تم إلغاء الحجز.
notice-deposit-settled = تم حفظ مبلغ التأمين.
manage-bookings-title = الحجوزات
manage-bookings-pending = تنتظر موافقتك
manage-bookings-none = لا توجد طلبات تنتظر.
manage-bookings-rooms = القاعات التي تديرها
manage-bookings-mine = حجوزاتك
manage-bookings-none-mine = ليس لديك حجوزات قادمة.
field-booking-kind-required = اختر نوع الاستخدام.
field-booking-organisation-required = اختر الجمعية الأهلية التي تحجز.
field-booking-reason-required = اكتب السبب.
field-booking-rules-required = أكّد أنك قرأت قواعد الاستخدام.
field-time-invalid = اكتب وقتًا مثل 14:00.
breach-bad-times = يجب أن يكون وقت النهاية بعد وقت البداية، بأرباع ساعات كاملة، ولا يمكن أن يستمر الحجز أكثر من 4 أيام.
breach-in-the-past = هذا الوقت مضى بالفعل.
breach-kind-closed = لا يمكن حجز هذه القاعة لهذا النوع من الاستخدام.
breach-too-short = { $minutes ->
    [one] يجب أن يستمر الحجز دقيقة واحدة على الأقل.
    [two] يجب أن يستمر الحجز دقيقتين على الأقل.
    [few] يجب أن يستمر الحجز { $minutes } دقائق على الأقل.
    [many] يجب أن يستمر الحجز { $minutes } دقيقة على الأقل.
   *[other] يجب أن يستمر الحجز { $minutes } دقيقة على الأقل.
}
breach-too-long = { $hours ->
    [one] لا يمكن أن يستمر الحجز أكثر من ساعة واحدة.
    [two] لا يمكن أن يستمر الحجز أكثر من ساعتين.
    [few] لا يمكن أن يستمر الحجز أكثر من { $hours } ساعات.
    [many] لا يمكن أن يستمر الحجز أكثر من { $hours } ساعة.
   *[other] لا يمكن أن يستمر الحجز أكثر من { $hours } ساعة.
}
breach-too-far-ahead = { $days ->
    [one] يمكنك الحجز قبل يوم واحد كحد أقصى.
    [two] يمكنك الحجز قبل يومين كحد أقصى.
    [few] يمكنك الحجز قبل { $days } أيام كحد أقصى.
    [many] يمكنك الحجز قبل { $days } يومًا كحد أقصى.
   *[other] يمكنك الحجز قبل { $days } يوم كحد أقصى.
}
breach-opening-hours = القاعة مفتوحة فقط في الوقت { $hours }.
breach-quiet-hours = هذا النوع من الاستخدام غير مسموح في الوقت { $hours }.
breach-closed-weekday = هذا النوع من الاستخدام غير مسموح يوم { $day }.
breach-blackout = القاعة مغلقة في { $date }.
breach-monthly-limit = { $count ->
    [one] لديك بالفعل حجز واحد من هذا النوع في ذلك الشهر، وهذا هو الحد الأقصى.
    [two] لديك بالفعل حجزان من هذا النوع في ذلك الشهر، وهذا هو الحد الأقصى.
    [few] لديك بالفعل { $count } حجوزات من هذا النوع في ذلك الشهر، وهذا هو الحد الأقصى.
    [many] لديك بالفعل { $count } حجزًا من هذا النوع في ذلك الشهر، وهذا هو الحد الأقصى.
   *[other] لديك بالفعل { $count } حجز من هذا النوع في ذلك الشهر، وهذا هو الحد الأقصى.
}
breach-age = يجب أن تؤكد أن عمرك { $age } سنة على الأقل.
breach-too-short-plain = الحجز أقصر مما تسمح به قواعد القاعة.
breach-too-long-plain = الحجز أطول مما تسمح به قواعد القاعة.
breach-too-far-ahead-plain = موعد الحجز بعيد أكثر مما تسمح به قواعد القاعة.
breach-opening-hours-plain = الحجز خارج أوقات فتح القاعة.
breach-quiet-hours-plain = الحجز في ساعات الهدوء الخاصة بالقاعة لهذا النوع من الاستخدام.
breach-closed-weekday-plain = هذا النوع من الاستخدام غير مسموح في هذا اليوم من الأسبوع.
breach-blackout-plain = القاعة مغلقة في ذلك اليوم.
breach-monthly-limit-plain = لديك بالفعل العدد الأقصى من الحجوزات من هذا النوع في ذلك الشهر.
breach-age-plain = يجب أن تؤكد أنك بلغت الحد الأدنى للعمر في هذه القاعة.
booking-mail-confirmed-subject = تم التأكيد: { $room }، { $when }
booking-mail-confirmed-body = مرحبًا { $name }

    تم تأكيد حجزك لـ { $room }، { $when }.

    { $keys }

    اعرض الحجز أو ألغِه: { $link }
booking-mail-requested-subject = وصلنا طلبك: { $room }، { $when }
booking-mail-requested-body = مرحبًا { $name }

    وصلنا طلبك لحجز { $room }، { $when }. الوقت محجوز لك إلى أن تتم الموافقة على الطلب، وستصلك رسالة.

    اعرض الطلب أو ألغِه: { $link }
booking-mail-approve-subject = بانتظار الموافقة: { $room }، { $when }
booking-mail-approve-body = يطلب { $name } حجز { $room }، { $when }.

    الاستخدام: { $kind }
    الغرض: { $title }

    وافق على الطلب أو ارفضه: { $link }
booking-mail-rejected-subject = لم تتم الموافقة: { $room }، { $when }
booking-mail-rejected-body = مرحبًا { $name }

    لم تتم الموافقة على طلبك لحجز { $room }، { $when }.

    السبب: { $reason }

    { $link }
booking-mail-cancelled-subject = تم الإلغاء: { $room }، { $when }
booking-mail-cancelled-body = مرحبًا { $name }

    تم إلغاء حجز { $room }، { $when }. { $reason }

    { $link }
booking-mail-displaced-subject = القاعة مطلوبة لنشاط مشترك: { $room }، { $when }
booking-mail-displaced-body = مرحبًا { $name }

    لم تتم الموافقة بعد على طلبك لحجز { $room }، { $when }، والوقت مطلوب الآن لنشاط مشترك لكل السكان ({ $reason }). نعتذر عن ذلك. يمكنك أن تختار وقتًا آخر.

    { $link }
booking-mail-series-subject = حجز متكرر لـ { $room }
booking-mail-series-body = مرحبًا { $name }

    هذه التواريخ تم حجزها:
    { $booked }

    هذه التواريخ تعذّر حجزها:
    { $missing }

    { $link }

## Gather: settings, statistics and export
room-settings-about = عن القاعة
room-settings-description = الوصف
room-settings-lines-hint = شيء واحد في كل سطر.
room-settings-open-from = تُفتح الساعة
room-settings-open-until = تُغلق الساعة
room-settings-until-hint = إذا كان الوقت قبل وقت الفتح، فهذا يعني بعد منتصف الليل، مثلًا 01:00. اكتب 24:00 لمنتصف الليل.
room-settings-blackouts = أيام الإغلاق
room-settings-blackouts-hint = فترة واحدة في كل سطر: اليوم الأول واليوم الأخير والسبب، مثلًا 2027-03-01 2027-03-02 اجتماع القسم السكني.
room-settings-keys = المفاتيح والتنظيف
room-settings-key-instructions = رسالة عن المفتاح تُرسَل عندما يتم تأكيد الحجز
room-settings-key-hint = مثلًا رمز صندوق المفاتيح. لا يظهر إلا لمن قام بالحجز ولكم.
room-settings-prices = الأسعار للمناسبات الخاصة والتأجير لآخرين
room-settings-price-unit = يُحسب السعر
room-settings-enabled = يمكن حجزها
room-settings-min-minutes = الحد الأدنى لعدد الدقائق
room-settings-max-hours = الحد الأقصى لعدد الساعات
room-settings-days-ahead = كم يومًا مسبقًا يمكن الحجز
room-settings-quiet-from = ساعات الهدوء من الساعة
room-settings-quiet-until = ساعات الهدوء إلى الساعة
room-settings-closed-days = غير متاح في هذه الأيام
room-settings-per-month = الحد الأقصى لعدد المرات في الشهر لكل شخص
room-settings-min-age = الحد الأدنى للعمر
room-settings-approval = الموافقة
room-settings-advance = الدفعة المقدمة
room-settings-notice-days = تضيع الدفعة المقدمة إذا أُلغي الحجز قبل أقل من هذا العدد من الأيام
room-settings-save = احفظ الإعدادات
room-new = أضف قاعة
room-new-submit = أضف القاعة
field-blackouts-invalid = اكتب كل فترة مثل 2027-03-01 2027-03-02، ويمكنك أن تضيف السبب.
field-month-invalid = اكتب الشهر مثل 2027-03.
room-use-caption = الساعات المحجوزة لكل قاعة ولكل نوع استخدام
room-use-total = المجموع
room-use-community-share = نسبة الأنشطة المشتركة
room-use-prime-unused = ساعات غير مستخدمة في أوقات الذروة
room-use-hint = أوقات الذروة هي أيام العمل من الساعة 17:00 إلى 22:00، وعطلة نهاية الأسبوع من الساعة 10:00 إلى 22:00. تُحسب الحجوزات المؤكدة فقط.
room-use-export = الحجوزات الخاصة لإدارة الإسكان
export-sheet = الحجوزات
export-booking = الحجز
export-room = القاعة
export-name = الاسم
export-email = البريد الإلكتروني
export-phone = الهاتف
export-start = البداية
export-end = النهاية
export-kind = نوع الاستخدام
export-status = الحالة
export-price = السعر (بالكرونة)
export-deposit = مبلغ التأمين (بالكرونة)
export-forfeited = الدفعة المقدمة التي ضاعت (بالكرونة)
export-deposit-status = مبلغ التأمين
export-withheld = المبلغ الذي لم يُرجَع (بالكرونة)
export-withheld-reason = السبب

## التواصل مع السكان: سجلات التواصل للمشرفين الاجتماعيين
nav-outreach = التواصل مع السكان
outreach-title = التواصل مع السكان
outreach-lead = طلباتك الجديدة، والمتابعات التي حان وقتها، وكل الأشخاص الذين تتابعهم. لا يرى هذه الصفحة إلا المشرفون الاجتماعيون في جمعية الإسكان، وكل اطلاع عليها يُسجَّل.
outreach-new = شخص جديد
outreach-edit = عدّل المعلومات
outreach-requests = طلبات «اتصلوا بي» الجديدة
outreach-requests-none = لا توجد طلبات جديدة.
outreach-take-request = أضف الشخص من هذا الطلب
outreach-overdue = متابعات متأخرة
outreach-overdue-none = لا توجد متابعات متأخرة.
outreach-due = الموعد
outreach-people = كل الأشخاص الذين تتابعهم
outreach-people-none = لا يوجد أشخاص بعد.
outreach-department = القسم السكني
outreach-last-contact = آخر تواصل
outreach-next-followup = المتابعة القادمة
outreach-fictitious = غير حقيقي
outreach-overdue-mark = متأخرة
outreach-form-lead = اكتب فقط ما وافق عليه الشخص، وفقط ما تحتاج إليه لتساعده. المعلومات الحساسة تحتاج إلى موافقة منفصلة من الشخص.
outreach-name = الاسم أو اللقب
outreach-name-hint = يكفي اللقب (الاسم الذي يُنادى به) إذا كان الشخص يفضّل ذلك.
outreach-languages = اللغات
outreach-interests = الاهتمامات
outreach-weekdays = الأيام المناسبة للشخص
outreach-day-parts = الفترة من اليوم
outreach-needs = الاحتياجات
outreach-age-group = الفئة العمرية
outreach-sensitive = معلومات حساسة
outreach-sensitive-hint = المعلومات الحساسة (مثل الوحدة أو الصحة أو خطر الطرد من السكن) لا يجوز حفظها إلا إذا وافق الشخص على حفظ المعلومات الحساسة.
outreach-consents = الموافقة
outreach-consent-hint = اقرأ نص الموافقة للشخص بصوت عالٍ، أو أعطه النص ليقرأه. الموافقة على تسجيل المعلومات ضرورية؛ أما الموافقات الأخرى فهي اختيارية، ويمكن سحبها في أي وقت.
outreach-consents-given = وافق الشخص على
outreach-method = كيف أُعطيت الموافقة
outreach-save = احفظ
outreach-suggestions = اقتراحات تناسب الشخص
outreach-suggestions-hint = بحسب الاهتمامات واللغات والأيام والعمر والاحتياجات والمسافة من القسم السكني. أنت تختار مع الشخص؛ لا يُرسل أي شيء تلقائيًا.
outreach-suggestions-none = لا توجد أنشطة مناسبة بعد. أضف اهتمامات أو لغات لتظهر اقتراحات.
outreach-reason-language = باللغة { $language }
outreach-reason-near = على بعد { $metres } متر
outreach-reason-here = قريب جدًا
outreach-reason-newcomers = الجدد مرحب بهم
outreach-reason-free = مجاني
outreach-refer = إحالة
outreach-refer-sign-up = سجّله للمرة القادمة («أول مرة – رحّبوا بي»)
outreach-referrals = الإحالات
outreach-referrals-none = لا توجد إحالات بعد. اختر اقتراحًا مع الشخص.
outreach-said-yes = قال نعم
outreach-said-no = قال لا
outreach-ask-why = اسأل لماذا لم يناسبه النشاط، وابحثا معًا عن شيء آخر
outreach-outcome-suggested = مقترح
outreach-outcome-declined = قال لا
outreach-outcome-accepted = قال نعم
outreach-outcome-signed_up = مسجّل
outreach-outcome-did_not_come = لم يحضر
outreach-outcome-attended = حضر
outreach-outcome-still_4_weeks = ما زال يحضر بعد 4 أسابيع
outreach-outcome-still_12_weeks = ما زال يحضر بعد 12 أسبوعًا
notice-outreach-referred = حُفظت الإحالة.
notice-outreach-referred-signed-up = حُفظت الإحالة، وسُجّل الشخص للمرة القادمة مع «رحّبوا بي».
notice-outreach-referred-no-time = حُفظت الإحالة. لا توجد مرة قادمة تتطلب التسجيل، لذلك لم يُسجَّل الشخص.
notice-outreach-answer-saved = حُفظ الرد.
outreach-funnel-title = الإحالات بالأرقام
outreach-funnel-lead = وضع الإحالات، معدودة لكل قسم سكني ولكل مشرف اجتماعي: ما قاله الأشخاص، وما تُظهره قوائم الحضور عمّن حضر واستمر في الحضور. أرقام فقط.
outreach-funnel-caption = الإحالات بحسب وضعها
outreach-funnel-total = المجموع
outreach-caretaker = المشرف الاجتماعي
outreach-followups = المتابعات
outreach-followups-none = لا توجد متابعات.
outreach-done = تمّت
outreach-mark-done = ضع علامة «تمّت»
outreach-what = ما الذي يجب أن يحدث
outreach-add-followup = أضف متابعة
outreach-log = سجل التواصل
outreach-kind = نوع التواصل
outreach-date = التاريخ
outreach-minutes = المدة بالدقائق
outreach-note = ملاحظة قصيرة
outreach-note-hint = اكتب باختصار واذكر الحقائق فقط؛ فقد يرى الشخص كل ما يُكتب هنا.
outreach-add-log = احفظ التواصل
outreach-log-none = لم يُسجَّل أي تواصل بعد.
outreach-minutes-count = { $count } دقيقة
outreach-scope = الموافقة على
outreach-given = أُعطيت
outreach-withdrawn = سُحبت
outreach-withdraw = اسحب الموافقة
outreach-withdraw-hint = إذا سحب الشخص موافقته على تسجيل المعلومات، تُحذف كل معلوماته فورًا.
outreach-give-consent = سجّل الموافقة
outreach-export-title = الاطلاع: كل المعلومات عن الشخص
outreach-back-to-record = العودة إلى الشخص
outreach-export-lead = كل ما سجلته جمعية الإسكان عن الشخص، ومن اطلع عليه أو غيّره. اطبع الصفحة أو نزّل الملف (JSON) وسلّمه للشخص.
outreach-export-held-by = سجلته { $organisation }.
outreach-export-details = المعلومات
outreach-export-access = من اطلع على المعلومات أو غيّرها
outreach-export-access-hint = يُسجَّل كل اطلاع وكل تغيير مع الوقت والدور والغرض.
outreach-export-when = الوقت
outreach-export-role = الدور
outreach-export-action = الإجراء
outreach-export-purpose = الغرض
outreach-erase = احذف كل شيء
outreach-erase-hint = عندما يطلب الشخص ذلك، تحذف هنا كل شيء عنه. لا يمكن التراجع عن ذلك؛ ولا يبقى في السجل إلا أن الحذف قد حدث.
outreach-erase-submit = احذف الشخص
outreach-erase-confirm = طلب الشخص حذف معلوماته.
outreach-erase-confirm-required = ضع علامة لتأكيد أن الشخص طلب حذف معلوماته.
outreach-day-part-morning = الصباح
outreach-day-part-afternoon = بعد الظهر
outreach-day-part-evening = المساء
outreach-need-step_free = بدون درج
outreach-need-hearing_loop = حلقة سمعية
outreach-need-free_only = يجب أن يكون مجانيًا
outreach-sensitive-loneliness = الوحدة أو العزلة
outreach-sensitive-mental_health = الصحة النفسية
outreach-sensitive-physical_health = الصحة الجسدية
outreach-sensitive-eviction_risk = خطر الطرد من السكن
outreach-sensitive-neighbour_conflict = خلاف مع الجيران
outreach-sensitive-language_help = يحتاج إلى مساعدة في اللغة الدنماركية
outreach-sensitive-digital_help = يحتاج إلى مساعدة في الأمور الرقمية
outreach-scope-registration = تسجيل المعلومات
outreach-scope-sensitive = المعلومات الحساسة
outreach-scope-municipality = المشاركة مع البلدية
outreach-scope-measurement = المشاركة في القياس
outreach-scope-text-registration = أوافق على أن يكتب المشرفون الاجتماعيون في جمعية الإسكان اسمي وكيف يمكن التواصل معي وما الذي يهمني، حتى يساعدوني في إيجاد مجموعات أنضمّ إليها. يمكنني أن أسحب هذه الموافقة في أي وقت، وعندها تُحذف المعلومات.
outreach-scope-text-sensitive = أوافق على أن يكتبوا أيضًا معلومات حساسة عني (مثل الوحدة أو الصحة) عندما يساعدهم ذلك على مساعدتي.
outreach-scope-text-municipality = أوافق على أن يشاركوا المعلومات الضرورية مع البلدية عندما يحيلونني إلى خدماتها.
outreach-scope-text-measurement = أوافق على المشاركة في قياس ما إذا كان هذا العمل مفيدًا (مثل استبيان عن الوحدة).
outreach-method-written = كتابيًا
outreach-method-verbal = شفهيًا
outreach-method-digital = رقميًا
outreach-kind-door_knock = طرق الباب
outreach-kind-visit = زيارة
outreach-kind-phone = مكالمة هاتفية
outreach-kind-at_activity = لقاء في نشاط
outreach-kind-drop_in = جاء إلى المكتب
outreach-consent-registration-required = يجب أن يوافق الشخص على تسجيل المعلومات قبل أن يمكن حفظ أي شيء.
outreach-consent-sensitive-required = المعلومات الحساسة تحتاج إلى موافقة الشخص على المعلومات الحساسة. احذفها، أو سجّل الموافقة.
notice-outreach-created = تمت إضافة الشخص.
notice-outreach-saved = تم حفظ المعلومات.
notice-outreach-logged = تم تسجيل التواصل.
notice-outreach-followup-added = تمت إضافة المتابعة.
notice-outreach-followup-done = تم وضع علامة «تمّت» على المتابعة.
notice-outreach-consent-given = تم تسجيل الموافقة.
notice-outreach-consent-withdrawn = تم سحب الموافقة، وحُذفت المعلومات التي كانت تشملها.
notice-outreach-erased = تم حذف كل شيء عن الشخص.

## التحقق بخطوتين
two-factor-title = التحقق بخطوتين
two-factor-lead = اكتب الرمز من تطبيق المصادقة (مثل Google Authenticator أو Microsoft Authenticator أو FreeOTP). يمكنك أيضًا استخدام أحد رموز الاسترداد.
two-factor-code = الرمز
two-factor-code-hint = 6 أرقام من التطبيق، أو رمز استرداد.
two-factor-submit = تأكيد
two-factor-wrong = الرمز غير صحيح أو استُخدم من قبل. انتظر رمزًا جديدًا في التطبيق وحاول مرة أخرى.
two-factor-setup-lead = تتطلب معلومات السكان في العمل الميداني أن تؤكد هويتك برمز من هاتفك عند تسجيل الدخول.
two-factor-setup-app = ثبّت تطبيق مصادقة على هاتفك إن لم يكن لديك واحد.
two-factor-setup-scan = امسح رمز QR بالتطبيق.
two-factor-setup-key = إن لم تستطع المسح، اكتب هذا المفتاح في التطبيق:
two-factor-setup-code = اكتب الرمز الذي يظهره التطبيق.
two-factor-setup-submit = فعّل التحقق بخطوتين
two-factor-qr-label = رمز QR لتطبيق المصادقة
two-factor-demo-code = تجريبي: الرمز الآن هو { $code }.
two-factor-already = التحقق بخطوتين مفعّل بالفعل.
two-factor-codes-title = رموز الاسترداد الخاصة بك
two-factor-codes-lead = احفظ الرموز في مكان آمن (مثلًا مطبوعة في درج). كل رمز يعمل مرة واحدة إذا فقدت هاتفك. لن تظهر مرة أخرى.
two-factor-continue = متابعة
error-second-factor = أكّد برمزك أولًا

## Outreach: counts for boards and municipalities, a platform administrator's look, buddies
outreach-count-suppressed = أقل من 5
outreach-funnel-suppressed-hint = لا تُعرض الأعداد الأقل من 5 حتى لا يمكن التعرف على أي شخص. تغطي الأعداد القسم السكني أو البلدية بأكملها.
outreach-inspect-title = عرض سجل تواصل بصفتك مسؤول المنصة
outreach-inspect-lead = فقط عندما لا يستطيع من يحتفظون بالسجل المساعدة: شكوى أو طلب اطلاع أو خطأ. يُسجَّل كل اطلاع مع سببك، ويمكن للشخص رؤيته في بياناته المصدَّرة.
outreach-inspect-record = رقم السجل
outreach-inspect-reason = السبب
outreach-inspect-reason-hint = اكتب لماذا تحتاج إلى رؤية السجل ومن طلب ذلك (20 حرفًا على الأقل).
outreach-inspect-reason-short = اكتب سببًا من 20 حرفًا على الأقل حتى يمكن التحقق منه لاحقًا.
outreach-inspect-no-record = لا يوجد سجل بهذا الرقم.
outreach-inspect-submit = اعرض السجل
outreach-inspect-logged = أنت تطّلع على السجل بصفتك مسؤول المنصة. تم تسجيل الاطلاع وسببك، ويمكن للشخص رؤيتهما في بياناته المصدَّرة.
outreach-buddy = يرافقه (اختياري)
outreach-buddy-with = يرافقه
nav-outreach-counts = العمل التواصلي بالأرقام
admin-outreach-inspect = عرض سجل تواصل (مع سبب)
outreach-reason-day-part-morning = في الصباح
outreach-reason-day-part-afternoon = بعد الظهر
outreach-reason-day-part-evening = في المساء
outreach-ask-why-no-show = اسأل لماذا لم يذهب إلى النشاط، وهل يحتاج إلى من يرافقه في المرة القادمة
two-factor-link-why = لتفعيل تسجيل الدخول بخطوتين تؤكد أيضًا عنوان بريدك الإلكتروني: نرسل رابطًا صالحًا لمدة 30 دقيقة. وبذلك لا يستطيع من يعرف كلمة مرورك فقط أن يفعل ذلك بدلًا منك.
two-factor-link-send = أرسل الرابط إلى بريدي الإلكتروني
two-factor-link-again = أرسل الرابط مرة أخرى
two-factor-link-sent = تم إرسال الرابط إلى عنوان بريدك الإلكتروني. افتحه في هذا المتصفح.
two-factor-link-expired = رابط تفعيل تسجيل الدخول بخطوتين مستخدم أو منتهي الصلاحية. اطلب رابطًا جديدًا.
mail-two-factor-subject = فعّل تسجيل الدخول بخطوتين في Naboskab
mail-two-factor-body = مرحبًا { $name }

    افتح الرابط لتفعيل تسجيل الدخول بخطوتين لحسابك:

    { $link }

    الرابط صالح لمدة 30 دقيقة. إذا لم تطلب ذلك، فغيّر كلمة مرورك وأخبر المسؤول.
outreach-waiting = إحالات في الانتظار
outreach-waiting-none = لا توجد إحالات تنتظر ردًا أو مرة أولى.
account-tokens-lifetime = يتوقف المفتاح عن العمل بعد 90 يومًا. لا يمكن إنشاء المفاتيح إلا هنا، وأنت مسجّل الدخول.
account-token-expires-at = ينتهي في
account-logout-revoke-tokens = احذف أيضًا كل مفاتيح API الخاصة بي
members-pending = بانتظار تأكيد شخص آخر
members-confirm = أكّد الدور لـ { $person }
members-four-eyes = يمنح دور المشرف الاجتماعي الوصول إلى معلومات عن سكان في وضع هش. لذلك لا يسري إلا بعد أن يؤكده مسؤول آخر في جمعية الإسكان أو مسؤول المنصة. لا يمكن لأحد أن يمنح نفسه دورًا.
members-self-grant = لا يمكنك أن تمنح نفسك دورًا. اطلب ذلك من مسؤول آخر.
notice-members-pending = تم منح الدور، وهو الآن بانتظار تأكيد مسؤول آخر.
notice-members-confirmed = تم تأكيد الدور وهو ساري المفعول الآن.
mail-role-granted-subject = لديك دور جديد في Naboskab
mail-role-granted-body = مرحبًا { $person }

    أنت الآن { $role } في { $org }.

    اطّلع على الأدوار هنا: { $link }

    إذا لم تكن تتوقع ذلك، فأخبر المسؤول لديك.
mail-role-confirm-subject = دور بانتظار تأكيدك
mail-role-confirm-body = مرحبًا

    مُنح { $person } دور { $role } في { $org }. لا يسري الدور إلا بعد أن يؤكده مسؤول آخر.

    أكّده هنا إذا كان صحيحًا: { $link }

## Fund: grants
field-amount-negative = لا يمكن أن يكون المبلغ سالبًا.
field-amount-invalid = اكتب المبلغ بالكرونة، مثلًا 12.500 أو 12500,50.
field-amount-too-large = المبلغ كبير جدًا.
field-year-invalid = اكتب سنة بين 2000 و2100.
field-too-many = عدد الأسطر كبير جدًا.
field-grant-max-over-pool = لا يمكن أن يكون الحد الأقصى أكبر من المنحة كلها.
field-grant-deadline-before-opening = يجب أن يأتي الموعد النهائي بعد الافتتاح.
field-grant-offer-unknown = هذا النشاط غير موجود على Naboskab.
field-grant-amount-zero = اطلب أكثر من 0 كرونة.
field-grant-amount-over-max = يمكنك أن تطلب الحد الأقصى للمنحة على الأكثر.
field-grant-amount-over-budget = لا يمكنك أن تطلب أكثر من مجموع الميزانية.
field-grant-granted-over-applied = يجب أن يكون المبلغ الممنوح أكثر من 0 كرونة وأن لا يتجاوز المبلغ المطلوب.
grant-deadline-passed = انتهى الموعد النهائي. لا يمكن تقديم الطلب الآن، لكنه محفوظ كمسودة.
grant-not-open-yet = تفتح المنحة لاحقًا. الطلب محفوظ كمسودة.
grant-already-decided = اتخذت البلدية قرارها بشأن هذا الطلب، لذلك لا يمكن تغييره.
grant-not-submitted = يمكن البت في الطلبات المقدمة فقط.
mail-grant-granted-subject = منحة من { $municipality }: { $application }
mail-grant-granted-body = مرحبًا { $name }

    منحت { $municipality } مبلغ { $amount } لـ "{ $application }" من منحة "{ $call }".

    { $reason }

    اطلع على الطلب والقرار هنا:

    { $link }

    تذكّر تقديم الحساب والتقرير عند انتهاء السنة.
mail-grant-refused-subject = رفض من { $municipality }: { $application }
mail-grant-refused-body = مرحبًا { $name }

    للأسف رفضت { $municipality } طلب "{ $application }" من منحة "{ $call }".

    السبب: { $reason }

    اطلع على الطلب والقرار هنا:

    { $link }
grants-title = المنح
grants-intro = منح البلديات للعمل الاجتماعي التطوعي (§ 18) وما شابهها. تتقدم الجمعيات بطلباتها هنا، وتعالج البلدية الطلبات في المكان نفسه.
grants-nav = المنح
grants-new-call = افتح منحة جديدة
grants-calls = المنح
grants-no-calls = لا توجد منح بعد.
grants-own = طلباتكم
grants-all = كل المنح
grant-call-title = اسم المنحة
grant-description = الوصف
grant-municipality = البلدية
grant-year = السنة
grant-pool = حجم المنحة
grant-max-amount = الحد الأقصى لكل طلب
grant-opens = تفتح
grant-deadline = الموعد النهائي
grant-deadline-hint = بتوقيت الدنمارك. يجب تقديم الطلبات قبل هذا الموعد.
grant-focus-areas = مجالات التركيز
grant-applicants = من يحق له التقديم
grant-target-groups = الفئات المستهدفة
grant-certified-above = يلزم حساب مدقق فوق
grant-certified-hint = اترك الحقل فارغًا إذا لم يكن الحساب المدقق مطلوبًا أبدًا.
grant-questions = أسئلة البلدية
grant-questions-hint = سؤال واحد في كل سطر. ابدأ السطر بـ # لتكون الإجابة رقمًا؛ اكتب الخيارات بعد | للاختيار (كم مرة تلتقون؟ | أسبوعيًا | شهريًا).
grant-kroner-hint = اكتب المبالغ بالكرونة، مثلًا 12.500 أو 12500,50.
grant-save-call = احفظ المنحة
grant-edit-call = عدّل المنحة
grant-open-now = مفتوحة للطلبات
grant-not-open = تفتح لاحقًا
grant-closed = مغلقة
grant-apply = قدّم طلبًا
grant-applications = الطلبات
grant-application = طلب
grant-application-title = عنوان الطلب
grant-organisation = مقدم الطلب
grant-summary = فيم ستُستخدم الأموال؟
grant-activities = الأنشطة
grant-activity = نشاط
grant-activity-title = النشاط
grant-activity-target = الفئة المستهدفة
grant-activity-participants = عدد المشاركين المتوقع
grant-activity-offer = النشاط على Naboskab
grant-no-offer = لا يوجد (نشاط جديد)
grant-no-activities = لا توجد أنشطة.
grant-budget = الميزانية
grant-income = الإيرادات
grant-line-text = النص
grant-line-amount = المبلغ
grant-total = المجموع
grant-amount-applied = المبلغ المطلوب
grant-amount-applied-hint = على الأكثر الحد الأقصى للمنحة ومجموع الميزانية.
grant-amount-granted = المبلغ الممنوح
grant-answers = الإجابات على أسئلة البلدية
grant-save-draft = احفظ كمسودة
grant-submit = قدّم الطلب
grant-edit-application = عدّل الطلب
grant-status = الحالة
grant-submitted-at = قُدّم
grant-read-only = يمكنكم قراءة هذا الطلب لأن إحدى إداراتكم مذكورة فيه. مقدم الطلب وحده يستطيع تغييره.
grant-decide = القرار
grant-decision = السبب
grant-grant = امنح
grant-refuse = ارفض
grant-note = ملاحظة لمقدم الطلب
grant-reason = سبب الرفض
grant-filter-status = اعرض الطلبات
grant-all-statuses = الكل
grant-filter = اعرض
grant-no-applications = لا توجد طلبات.
grant-status-draft = مسودة
grant-status-submitted = مُقدَّم
grant-status-granted = ممنوح
grant-status-refused = مرفوض
grant-status-reported = تم تقديم التقرير
grant-focus-loneliness = الوحدة
grant-focus-young = الأطفال والشباب
grant-focus-elderly = كبار السن
grant-focus-across_generations = بين الأجيال
grant-focus-health = الصحة والرفاه
grant-focus-inclusion = الإدماج
grant-focus-volunteering = العمل التطوعي
grant-applicant-association_cvr = الجمعيات ذات رقم CVR
grant-applicant-self_help_group = مجموعات المساعدة الذاتية
grant-applicant-department_board = مجالس إدارة الأقسام السكنية
notice-grant-saved = تم حفظ الطلب كمسودة.
notice-grant-submitted = تم تقديم الطلب.
notice-grant-decided = تم حفظ القرار وإرساله إلى مقدم الطلب.
notice-grant-call-saved = تم حفظ المنحة.
grant-number = رقم
grant-export-xlsx = تنزيل كجدول بيانات (XLSX)
grant-export-csv = تنزيل كملف CSV
grant-report = التقرير
grant-report-link = قدّم التقرير
grant-report-intro = أخبر البلدية فيم استُخدمت المنحة: ما أنفقتموه على كل بند من بنود الميزانية، وكم شخصًا شارك، وكيف سارت الأمور. يجب إعادة الأموال التي لم تُنفق.
grant-spent = المُنفَق
grant-spent-total = المُنفَق إجمالًا
grant-to-pay-back = يجب إعادته
grant-participants = عدد المشاركين
grant-attendance-seen = سجّل Naboskab { $attendances } حضورًا في الأنشطة المرتبطة خلال السنة،
grant-attendance-people = منهم { $people } أشخاص مختلفون مسجلون.
grant-narrative = كيف سارت الأمور؟
grant-save-report = أرسل التقرير
grant-not-granted = لا يمكن تقديم تقرير إلا عن طلب ممنوح، ومرة واحدة فقط.
notice-grant-reported = تم إرسال التقرير إلى البلدية.

## Fund: partnerships
partnerships-title = الشراكات
partnerships-intro = من يعمل مع من وعلى ماذا في المناطق السكنية: منظمات الإسكان والأقسام والبلدية والجمعيات وجهات الصحة والرياضة.
partnerships-none = لا توجد شراكات بعد.
partnerships-all = كل الشراكات
partnerships-link = اطّلع على الشراكات بين المناطق السكنية والبلدية والجمعيات
partnership-kind = شراكة
partnership-new = ابدأ شراكة
partnership-edit = عدّل الشراكة
partnership-period = المدة
partnership-from = من { $date }
partnership-not-current = غير جارية
partnership-parties = الأطراف
partnership-parties-hint = اختر طرفين على الأقل، وطرفًا واحدًا على الأقل تشارك أنت في إدارته.
partnership-offers = الأنشطة في الشراكة
partnership-rooms = القاعات في الشراكة
partnership-applications = طلبات المنح
partnership-for-parties = للأطراف فقط
partnership-for-parties-hint = لا يرى جهات الاتصال والطلبات إلا من يدير أحد الأطراف.
partnership-contacts = جهات الاتصال
partnership-contacts-hint = واحد في كل سطر: الاسم، الدور، الهاتف أو البريد الإلكتروني. لا يراها إلا الأطراف.
partnership-no-contacts = لم تُكتب جهات اتصال.
partnership-no-applications = لا توجد طلبات مرتبطة.
partnership-purpose = على ماذا تتعاونون؟
partnership-description = الوصف
partnership-starts = اليوم الأول
partnership-ends = اليوم الأخير
partnership-ends-hint = اترك الحقل فارغًا إذا كانت الشراكة مستمرة حتى إشعار آخر.
partnership-nothing-to-link = ليس لدى الأطراف ما يُربط هنا.
partnership-link-later = احفظ الشراكة مع أطرافها أولًا، ثم يمكنك ربط الأنشطة والقاعات والطلبات.
partnership-save = احفظ الشراكة
partnership-end = أنهِ الشراكة واحذفها
partnership-end-hint = تُحذف الشراكة وأطرافها وجهات الاتصال. يفقد الشركاء أولويتهم في حجز القاعات.
notice-partnership-saved = تم حفظ الشراكة.
notice-partnership-ended = انتهت الشراكة وحُذفت.
partnership-party-search = ابحث عن طرف
partnership-party-search-hint = { $count ->
    [0] كل من يمكنه المشاركة معروض.
    [one] طرف واحد آخر يمكنه المشاركة. ابحث عن اسمه للعثور عليه.
   *[other] { $count } أطراف أخرى يمكنها المشاركة. ابحث عن الاسم للعثور عليها.
}
partnership-party-search-button = بحث
partnership-party-asked = لم يرد بعد
partnership-answer-heading = هل أنتم جزء من هذه الشراكة؟
partnership-answer-hint = ذكركم طرف آخر كطرف في الشراكة. لا تظهر الشراكة للآخرين، ولا يحصل الشركاء على أولوية حجز القاعات، إلا بعد موافقة جميع الأطراف.
partnership-confirm = نعم، { $party } مشارك
partnership-decline = لا، { $party } غير مشارك
partnership-waiting-for = بانتظار رد { $parties }. إلى أن توافق جميع الأطراف، لا يرى الشراكة إلا أطرافها، ولا تمنح أولوية في حجز القاعات.
partnerships-awaiting = شراكات بانتظار ردكم
partnership-already-answered = تم الرد بالفعل عن هذا الطرف.
notice-partnership-confirmed = شكرًا. أنتم الآن مشاركون في الشراكة.
notice-partnership-declined = أنتم غير مشاركين في الشراكة. يمكن للأطراف الأخرى رؤية ذلك.
field-partnership-ends-before-start = يجب أن يأتي اليوم الأخير بعد اليوم الأول.
field-partnership-two-parties = اختر طرفين على الأقل.
field-partnership-not-yours = اختر طرفًا واحدًا على الأقل تشارك أنت في إدارته.
room-settings-partner-days = أيام الحجز المسبق للشركاء
room-settings-partner-days-hint = يمكن للجمعيات الشريكة للقسم أن تحجز قبل هذه المدة. فارغ: مثل الجميع.
rule-partner-ahead = { $days ->
    [zero] يمكن للشركاء الحجز في اليوم نفسه.
    [one] يمكن للشركاء الحجز قبل يوم واحد كحد أقصى.
    [two] يمكن للشركاء الحجز قبل يومين كحد أقصى.
    [few] يمكن للشركاء الحجز قبل { $days } أيام كحد أقصى.
    [many] يمكن للشركاء الحجز قبل { $days } يومًا كحد أقصى.
   *[other] يمكن للشركاء الحجز قبل { $days } يوم كحد أقصى.
}
partnership-end-confirm = نعم، أنهِ الشراكة واحذفها
field-partnership-confirm-end = ضع علامة في المربع لتأكيد إنهاء الشراكة وحذفها.

## Fund: volunteers
volunteer-role-host = مضيف
volunteer-role-co_host = مضيف مشارك
volunteer-role-welcomer = مرحِّب ورفيق للقادمين الجدد
volunteer-role-driver = سائق
volunteer-role-cook = طباخ
volunteer-found = تم العثور على { $found } من { $wanted }
volunteer-heading = مطلوب متطوعون
volunteer-intro = يقوم هذا النشاط لأن الجيران يساعدون. هل تمد يد العون؟
volunteer-you-are = أنت متطوع بدور { $role }.
volunteer-you-offered = عرضت المساعدة بدور { $role }. سيتواصل معك المنظمون.
volunteer-withdraw = انسحب
volunteer-offer-legend = أود المساعدة بدور
volunteer-offer = اعرض مساعدتك
volunteer-sign-in = سجّل الدخول لتعرض مساعدتك
volunteers-title = المتطوعون
volunteers-wanted = ما يبحث عنه النشاط
volunteers-wanted-hint = كم متطوعًا تبحثون عنه في كل دور؟ فارغ أو 0: لا أحد.
volunteers-confirmed-count = { $count ->
    [zero] لا أحد مؤكد
    [one] واحد مؤكد
    [two] اثنان مؤكدان
    [few] { $count } مؤكدون
    [many] { $count } مؤكدًا
   *[other] { $count } مؤكد
}
volunteers-save-wanted = احفظ
volunteers-people = المتطوعون
volunteers-none = لم يعرض أحد المساعدة بعد.
volunteers-name = الاسم
volunteers-role = الدور
volunteers-status = الحالة
volunteers-year-hours = الساعات هذا العام
volunteer-hours-title = ساعات المتطوعين في { $year }
volunteer-hours-intro = الساعات التي سجّلها المنظمون على أنشطة الجمعية. تدخل في التقرير إلى البلدية (§ 18) وفي رسائل الشكر إلى المتطوعين.
volunteer-hours-year = السنة
volunteer-hours-show = عرض
volunteer-hours-total = { $hours } ساعة في المجموع من { $people ->
    [one] متطوع واحد
    [two] متطوعَين
    [few] { $people } متطوعين
   *[other] { $people } متطوعًا
}.
volunteer-hours-none = لم تُسجَّل ساعات تطوع في { $year }.
volunteer-hours-csv = تنزيل بصيغة CSV
volunteer-hours-people = لكل متطوع
volunteer-hours-by-activity = لكل نشاط
volunteer-hours-activities = الأنشطة
volunteer-hours-volunteers = المتطوعون
volunteer-hours-link = كل ساعات تطوع الجمعية هذا العام
volunteers-actions = الإجراءات
volunteers-confirmed = مؤكد
volunteers-offered = عرض المساعدة
volunteers-day = اليوم
volunteers-hours = الساعات
volunteers-record = سجّل الساعات
volunteers-thank = أرسل شكرًا
volunteers-confirm = أكّد
volunteers-remove = أزل
volunteers-suggestions = اقتراحات من البرنامج
volunteers-suggestions-hint = مرات في آخر 14 يومًا لم تُسجَّل فيها ساعات لمتطوع مؤكد بعد. أكّد بنقرة واحدة، أو سجّل ساعات أخرى أعلاه.
volunteers-hours-unit = ساعات
volunteers-confirm-hours = أكّد الساعات
volunteers-recorded = المسجل في آخر 14 يومًا
notice-volunteer-offered = شكرًا! تم إبلاغ المنظمين بأنك تود المساعدة.
notice-volunteers-saved = تم حفظ ما يبحث عنه النشاط.
notice-volunteer-confirmed = تم تأكيد المتطوع.
notice-volunteer-removed = تمت إزالة المتطوع من النشاط.
notice-volunteer-hours = تم تسجيل الساعات.
notice-volunteer-thanked = تم إرسال الشكر.
notice-volunteer-withdrawn = لقد انسحبت.
field-volunteer-role = اختر أحد الأدوار التي يبحث عنها النشاط.
field-volunteer-not-confirmed = أكّد المتطوع قبل تسجيل الساعات.
field-date-in-future = يجب ألا يكون التاريخ في المستقبل.
field-date-too-old = يمكن أن يعود التاريخ إلى سنة على الأكثر.
field-volunteer-hours = اكتب الساعات مثل 2 أو 1.5 أو 2:30 (16 على الأكثر في اليوم).
field-volunteer-limit = اكتب رقمًا من 1 إلى 50.
mail-volunteer-thanks-subject = شكرًا لمساعدتك في { $activity }
mail-volunteer-thanks-body = عزيزي/عزيزتي { $name }

    شكرًا لتطوعك في "{ $activity }". في عام { $year } قدّمت { $hours } ساعات لجيرانك.

    بفضل متطوعين مثلك لا يضطر أحد إلى الجلوس وحيدًا.

    مع أطيب التحيات من المنظمين
volunteer-alerts = المتطوعون: أين يعتمد النشاط على شخص واحد؟
volunteer-alerts-hint = لمجلس القسم وموظفي منظمة الإسكان فقط، لتجدوا أيادي إضافية قبل أن يتوقف نشاط.
volunteer-alerts-one-person = أنشطة لها مضيف وليس لها مضيف مشارك
volunteer-alerts-over-limit = { $count ->
    [one] متطوعون يحملون أكثر من نشاط واحد
    [two] متطوعون يحملون أكثر من نشاطين
   *[other] متطوعون يحملون أكثر من { $count } أنشطة
}
volunteer-alerts-none = لا شيء الآن.
volunteer-alerts-carries = { $count ->
    [one] نشاط واحد
    [two] نشاطان
    [few] { $count } أنشطة
    [many] { $count } نشاطًا
   *[other] { $count } نشاط
}
mail-volunteer-offered-subject = { $name } يود المساعدة في { $activity }
mail-volunteer-offered-body = مرحبًا

    عرض { $name } المساعدة بدور { $role } في "{ $activity }".

    أكّد أو أجب هنا:
    { $link }
grant-volunteer-hours = { $volunteers ->
    [one] قدّم متطوع واحد { $hours } ساعات للأنشطة خلال العام (من سجلات المنظمين). اذكرهم في التقرير.
    [two] قدّم متطوعان { $hours } ساعات للأنشطة خلال العام (من سجلات المنظمين). اذكرهم في التقرير.
   *[other] قدّم { $volunteers } متطوعين { $hours } ساعات للأنشطة خلال العام (من سجلات المنظمين). اذكرهم في التقرير.
}
volunteer-all-found = كل الأدوار مشغولة الآن. شكرًا للمتطوعين!
grant-criteria = المعايير التي تمنح اللجنة النقاط عليها
grant-criteria-hint = واحد في كل سطر. يحصل كل طلب على 0–5 نقاط لكل معيار؛ لا ترى النقاط إلا البلدية.
grant-points = النقاط
grant-review = تقييم البلدية
grant-review-hint = لا ترى النقاط والملاحظات إلا البلدية. لا يراها مقدم الطلب ولا منظمة الإسكان.
grant-review-no-criteria = ليس للمنحة معايير؛ اكتبها في إعدادات المنحة لمنح النقاط.
grant-not-scored = لم يُقيَّم
grant-review-note = ملاحظة جديدة
grant-notes = الملاحظات
grant-save-review = احفظ التقييم
notice-grant-reviewed = تم حفظ التقييم.
field-grant-score = اختر نقاطًا من 0 إلى 5.
field-grant-review-empty = امنح نقطة واحدة على الأقل أو اكتب ملاحظة.
field-grant-not-eligible = المنحة غير مفتوحة لنوع مقدم الطلب الخاص بكم (انظر «من يمكنه التقديم» في صفحة المنحة: جمعيات برقم CVR صالح أو مجموعات مساعدة ذاتية أو مجالس الأقسام).
grant-report-due = الموعد النهائي للتقرير
grant-report-due-hint = اختياري. يتلقى أصحاب المنح تذكيرًا قبل أسبوعين (بتوقيت الدنمارك).
field-grant-report-due-before-deadline = يجب أن يأتي موعد التقرير بعد الموعد النهائي للتقديم.
grant-accounts-certified = الحسابات مدققة من مدقق حسابات مسجل أو معتمد من الدولة
grant-accounts-certified-hint = تشترط المنحة حسابات مدققة للمنح بهذا الحجم. جهّزوا بيان المدقق إن طلبته البلدية.
field-grant-certified-required = تتطلب المنحة حسابات مدققة: ضع علامة عندما تكون الحسابات مدققة.
mail-grant-report-due-subject = تذكير بتقرير { $application }
mail-grant-report-due-body = مرحبًا { $name }

    يجب إرسال تقرير "{ $application }" في موعد أقصاه { $due }: فيمَ صرفتم المال، وكم شخصًا شارك، وماذا حدث.

    اكتبه هنا:
    { $link }
grant-reported-certified = حسابات مدققة
grant-answer-choose = اختر
grant-answer-number = رقم
field-grant-answer-number = اكتب عددًا صحيحًا من 0 إلى 1,000,000.
field-grant-answer-choice = اختر إحدى الإجابات من القائمة.
field-grant-question-malformed = سؤال بلا نص، أو اختيار بإجابة واحدة فقط. اكتب إجابتين على الأقل بعد |.

## المرفقات مع الطلبات
grant-required-documents = المستندات التي يجب إرفاقها بكل طلب
grant-required-documents-hint = واحد في كل سطر، مثل النظام الأساسي أو الميزانية. لا يمكن تقديم الطلب حتى يُرفق كل منها.
grant-documents-accepted = ملفات PDF والصور (JPEG وPNG وWebP) والمستندات المكتبية (Word وExcel وPowerPoint وOpenDocument)، بحد أقصى 10 ميغابايت لكل ملف.
grant-documents = المرفقات
grant-no-documents = لا توجد مرفقات بعد.
grant-document-what = أي مستند
grant-document-file = الملف
grant-document-size = الحجم
grant-document-uploaded = تاريخ الإرفاق
grant-document-remove = إزالة
grant-document-attach = إرفاق
grant-document-other = مستند آخر
grant-document-fallback-name = مرفق
grant-documents-missing-list = هذه المستندات ناقصة قبل أن يمكن تقديم الطلب:
grant-documents-missing = لا يمكن تقديم الطلب بعد: أرفق أولًا المستندات التي تطلبها البلدية (تحت «المرفقات» في صفحة الطلب).
grant-documents-closed = لم يعد من الممكن تغيير المرفقات: انتهى الموعد النهائي أو اتخذت البلدية قرارها.
grant-document-still-required = الطلب مُقدَّم والبلدية تطلب هذا المستند. أرفق مستندًا جديدًا أولًا، أو احفظ الطلب كمسودة.
notice-grant-document-attached = تم إرفاق المستند.
notice-grant-document-removed = تمت إزالة المستند.
field-file-empty = اختر ملفًا. الملف المختار فارغ.
field-file-too-large = حجم الملف أكبر من 10 ميغابايت. احفظه بحجم أصغر أو قسّمه إلى عدة ملفات.
field-file-kind = لا يمكن استخدام هذا الملف: اختر ملف PDF أو صورة (JPEG أو PNG أو WebP) أو مستندًا مكتبيًا (Word أو Excel أو PowerPoint أو OpenDocument) يطابق محتواه اسمه.
field-file-too-many = يحتوي الطلب بالفعل على 20 مرفقًا، وهو الحد الأقصى. أزل واحدًا قبل إرفاق آخر.
field-file-unreadable = لم يصل الملف كاملًا. حاول إرفاقه مرة أخرى.
grant-documents-before-submit = تطلب البلدية هذه المستندات قبل أن يمكن تقديم الطلب. احفظ الطلب كمسودة وأرفقها في صفحته:
grant-documents-go = إلى مرفقات الطلب
grant-pdf = تنزيل الطلب بصيغة PDF
grant-letter-pdf = تنزيل خطاب القرار (PDF)
pdf-application-title = الطلب رقم { $number }: { $application }
pdf-letter-title = القرار بشأن { $application }
pdf-printed = طُبع في { $date }
letter-greeting = عزيزي/عزيزتي { $name }
letter-grant-granted-subject = منحة: { $application }
letter-grant-refused-subject = رفض: { $application }
letter-grant-granted-body = درست { $municipality } طلبكم "{ $application }" إلى منحة "{ $call }" وتمنحكم { $amount } من أصل { $applied } المطلوبة.
letter-grant-refused-body = درست { $municipality } طلبكم "{ $application }" إلى منحة "{ $call }" ولا يمكنها للأسف تقديم منحة هذه المرة.
letter-grant-note = ملاحظة: { $note }
letter-grant-reason = السبب: { $reason }
letter-grant-report = عند انتهاء السنة، قدّموا التقرير والحساب على Naboskab. يجب إعادة المال الذي لم يُصرف.
letter-grant-report-by = عند انتهاء السنة، قدّموا التقرير والحساب على Naboskab في موعد أقصاه { $due }. يجب إعادة المال الذي لم يُصرف.
letter-see-online = يمكن الاطلاع على الطلب والقرار على { $link }
letter-closing = مع أطيب التحيات

## Measure: the anonymous loneliness survey
# The T-ILS and WHO-5 items below are a careful translation of the English originals; compare
# them with a validated Arabic version before a round is run in Arabic.
nav-surveys = استطلاعات الرفاهية
notice-survey-round-started = تم إنشاء الجولة. أنشئ رموز الرسائل أدناه.
field-survey-closes-before-opens = لا يمكن أن يكون اليوم الأخير قبل اليوم الأول.
field-survey-language = اختر اللغات من القائمة.
field-survey-departments = اختر قسمًا واحدًا على الأقل يمكنك إجراء الاستطلاعات فيه.
field-survey-overlap = أحد الأقسام لديه جولة بالفعل في تلك الفترة. لكل قسم جولة واحدة في كل مرة.
field-survey-count = اكتب عدد رموز من 1 إلى 5000.
field-survey-item = اختر إجابة على السؤال.
field-survey-choice = اختر من القائمة، أو اترك الحقل فارغًا.
field-survey-too-narrow = أرقام هذا القسم ستخص أقل من 5 أشخاص، وحده أو بطرحه من أرقام الجولة كلها. لذلك تُعرض فقط مع أقسام أخرى.
survey-code-not-valid = الرمز غير موجود أو تم استخدامه. تأكد من أنك كتبته كما في الرسالة.
survey-round-closed = الاستطلاع لا يستقبل إجابات اليوم. يمكن استخدام الرمز ما دام الاستطلاع مفتوحًا.
survey-title = استطلاع الرفاهية
survey-intro = ثلاثة أسئلة قصيرة عن شعورك تجاه الآخرين. يستغرق ذلك دقيقتين. إجاباتك مجهولة الهوية.
survey-code = الرمز الموجود في الرسالة
survey-code-hint = 12 حرفًا، مثل ABCD-EFGH-JKMN. الأحرف الكبيرة والصغيرة سواء.
survey-open = افتح الأسئلة
survey-tils-lead = كم مرة تشعر بهذا؟
survey-tils-companionship = كم مرة تشعر بأنك تفتقد إلى من تقضي الوقت معه؟
survey-tils-left_out = كم مرة تشعر بأنك مستبعد؟
survey-tils-isolated = كم مرة تشعر بأنك معزول عن الآخرين؟
survey-tils-option-1 = نادرًا أو أبدًا
survey-tils-option-2 = أحيانًا
survey-tils-option-3 = غالبًا
survey-who5-heading = مزاجك خلال الأسبوعين الماضيين
survey-who5-lead = يمكنك تخطي هذه الأسئلة. خلال الأسبوعين الماضيين …
survey-who5-cheerful = … شعرت بالبهجة وكنت في مزاج جيد
survey-who5-calm = … شعرت بالهدوء والاسترخاء
survey-who5-active = … شعرت بالنشاط والحيوية
survey-who5-rested = … استيقظت وأنا أشعر بالانتعاش والراحة
survey-who5-interested = … كانت حياتي اليومية مليئة بأشياء تهمني
survey-who5-option-5 = طوال الوقت
survey-who5-option-4 = معظم الوقت
survey-who5-option-3 = أكثر من نصف الوقت
survey-who5-option-2 = أقل من نصف الوقت
survey-who5-option-1 = بعض الوقت
survey-who5-option-0 = ولا مرة
survey-about-you = عنك (اختياري)
survey-age = العمر
survey-gender = الجنس
survey-rather-not-say = أفضل عدم الإجابة
survey-age-16-24 = 16–24 سنة
survey-age-25-34 = 25–34 سنة
survey-age-35-44 = 35–44 سنة
survey-age-45-54 = 45–54 سنة
survey-age-55-64 = 55–64 سنة
survey-age-65-74 = 65–74 سنة
survey-age-75-plus = 75 سنة أو أكثر
survey-gender-woman = امرأة
survey-gender-man = رجل
survey-gender-other = آخر
survey-not-given = غير مذكور
survey-anonymous = تُحفظ الإجابات بدون اسم أو عنوان أو رمز أو وقت. لا أحد يستطيع رؤية ما أجبت به.
survey-send = أرسل الإجابات
survey-thanks-title = شكرًا على إجاباتك
survey-thanks-body = حُفظت إجاباتك دون الكشف عن هويتك. لا يمكن استخدام الرمز مرة أخرى.
survey-thanks-lonely = هل تشعر بالوحدة؟ اعرف أين تجد المساعدة
survey-thanks-offers = ابحث عن أنشطة ومجتمعات بالقرب منك
surveys-title = استطلاعات الرفاهية
surveys-intro = اسأل السكان دون الكشف عن هويتهم عن الوحدة بالأسئلة الثلاثة التي يستخدمها المسح الصحي الوطني الدنماركي. تُعرض الأرقام فقط لمجموعات من 5 أشخاص على الأقل.
surveys-none = لا توجد جولات بعد.
surveys-round = الجولة
surveys-period = الفترة
surveys-departments = الأقسام
surveys-codes-issued = الرموز
surveys-codes-count = { $count ->
    [one] تم إصدار رمز واحد
   *[other] تم إصدار { $count } رمز
}
surveys-new = جولة جديدة
surveys-round-title = اسم الجولة
surveys-opens = اليوم الأول
surveys-closes = اليوم الأخير
surveys-languages = لغات إلى جانب الدنماركية
surveys-languages-hint = تأتي الرسائل والأسئلة بالدنماركية وباللغات المختارة.
surveys-who5 = اسأل أيضًا عن الرفاهية (WHO-5، خمسة أسئلة)
surveys-start = أنشئ الجولة
surveys-codes-heading = رموز الرسائل
surveys-codes-intro = يمكن استخدام كل رمز مرة واحدة. تُحفظ الرموز مشفرة فقط ولا يمكن عرضها مرة أخرى، لذا احفظ الملف وضع الرموز في الرسائل.
surveys-codes-count-label = عدد الرموز
surveys-codes-make = أنشئ الرموز
survey-report-department = القسم
survey-report-whole = الجولة كلها
survey-report-show = اعرض
survey-report-severe-heading = نسبة من لديهم علامات وحدة شديدة
survey-report-chart-caption = العمود هو نسبة من حصلوا على 7 نقاط أو أكثر؛ والخط هو فترة الثقة 95 %. الخطوط العمودية المتقطعة هي الأرقام الوطنية.
survey-report-table-caption = الأرقام وراء الرسم البياني
survey-report-group = المجموعة
survey-report-respondents = الإجابات
survey-report-severe = وحدة شديدة
survey-report-interval = فترة 95 %
survey-report-mean = المتوسط (3–9)
survey-report-who5-poor = رفاهية منخفضة (WHO-5)
survey-report-reference = الأرقام الوطنية: 12.4 % من البالغين في الدنمارك و14.6 % في السكن الاجتماعي (المسح الصحي الوطني 2021). الأرقام هنا غير مرجحة وتأتي ممن اختاروا الإجابة، لذا لا يمكن مقارنتها مباشرة.
survey-report-suppression = لا تُعرض المجموعات التي لديها أقل من 5 إجابات. وحتى لا يستطيع أحد استنتاج إجابة شخص واحد، تُخفى مجموعة أخرى أيضًا، وتُعرض الأقسام الصغيرة مجتمعة فقط.
survey-report-answers-heading = من أجاب
survey-report-score = النقاط
survey-report-trend = التطور
survey-report-together = الأقسام الأخرى مجتمعة
survey-report-too-few = أجاب { $n }. تُعرض الأرقام عندما يجيب 5 على الأقل.
survey-report-summary = أجاب { $n }. لدى { $share } علامات وحدة شديدة.
survey-band = { $low }–{ $high }
survey-reference-national = الدنمارك كلها 12.4 %
survey-reference-social-housing = السكن الاجتماعي 14.6 %
field-survey-letters = اكتب عدد رسائل من 1 إلى 1000.
survey-letter-title = رسائل { $round }
survey-letter-to = إلى سكان
survey-letter-heading = كيف تشعر تجاه الآخرين؟
survey-letter-why = تود { $sender } أن تعرف كيف حال سكان { $department }. تُستخدم الإجابات لخلق المزيد من المجتمعات والأنشطة حيث تسكن.
survey-letter-how = امسح رمز QR بهاتفك، أو ادخل إلى { $site } واكتب الرمز. يستغرق ذلك دقيقتين.
survey-letter-until = يمكنك الإجابة حتى { $date }.
survey-letter-anonymous = الإجابات مجهولة الهوية. يُستخدم الرمز مرة واحدة ولا يُحفظ مع إجاباتك، فلا أحد يستطيع أن يرى من أجاب بماذا.
survey-letter-code = رمزك
surveys-letters-heading = رسائل مع رموز
surveys-letters-intro = لكل رسالة رمزها الخاص ورمز QR، بالدنماركية واللغة المختارة. اطبع رسالة واحدة لكل عنوان. لا يمكن عرض الرموز مرة أخرى.
surveys-letters-language = لغة إلى جانب الدنماركية
surveys-letters-danish-only = الدنماركية فقط
surveys-letters-count = عدد الرسائل
surveys-letters-make = أنشئ الرسائل (PDF)
surveys-codes-only = أو حمّل الرموز كملف نصي لرسائلكم الخاصة.
nav-impact = الأثر بالأرقام
impact-title = الأثر بالأرقام
impact-intro = أي المجموعات لديها أنشطة في أي أيام، وكم يأتي ويعود، وكيف تُستخدم القاعات. اختر مكانًا.
impact-place = المكان
impact-kind = النوع
impact-departments-count = { $count ->
    [one] قسم واحد
   *[other] { $count } أقسام
}
impact-csv = حمّل الجداول بصيغة CSV
impact-xlsx = حمّل الجداول بصيغة Excel (XLSX)
impact-offers-heading = الأنشطة حسب الفئة المستهدفة ويوم الأسبوع
impact-offers-intro = { $count ->
    [one] يُقام هنا عرض منشور واحد.
   *[other] يُقام هنا { $count } عرضًا منشورًا.
}
impact-offers-caption = الرقم في كل خانة هو عدد العروض للمجموعة في ذلك اليوم. الخانات المظللة بلا رقم: لا يوجد شيء.
impact-offers-table = الأرقام وراء النظرة العامة
impact-target-group = الفئة المستهدفة
impact-gaps = مجموعات بلا أنشطة في بعض الأيام
impact-no-day = ولا يوم
impact-participation-heading = المشاركة خلال نصف السنة الأخير
impact-participation-intro = المسجلون الذين سُجل حضورهم، ومن عُدّوا بدون اسم. "عاد" يعد من كانت زيارتهم الأولى قبل 4 (أو 12) أسبوعًا على الأقل.
impact-attendances = مرات الحضور
impact-people = أشخاص مختلفون
impact-could-return-4 = الزيارة الأولى قبل 4 أسابيع على الأقل
impact-returned-4 = عاد بعد 4 أسابيع أو أكثر
impact-could-return-12 = الزيارة الأولى قبل 12 أسبوعًا على الأقل
impact-returned-12 = عاد بعد 12 أسبوعًا أو أكثر
impact-anonymous = عُدّوا بدون اسم (حضور حر وزوار)
impact-rooms-heading = استخدام القاعات خلال نصف السنة الأخير
impact-rooms-caption = الساعات المحجوزة حسب نوع الاستخدام (الحجوزات المؤكدة).
impact-bookings = الحجوزات
impact-hours = الساعات
