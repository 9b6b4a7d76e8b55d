/**
 * Japanese name pools: kanji, katakana reading and Hepburn romanisation (without macrons, as most HR
 * systems store them). Family names are listed roughly by frequency; all combinations are fictional people.
 */

export const JA_FAMILY =
  "佐藤:サトウ:Sato,鈴木:スズキ:Suzuki,高橋:タカハシ:Takahashi,田中:タナカ:Tanaka,伊藤:イトウ:Ito," +
  "渡辺:ワタナベ:Watanabe,山本:ヤマモト:Yamamoto,中村:ナカムラ:Nakamura,小林:コバヤシ:Kobayashi,加藤:カトウ:Kato," +
  "吉田:ヨシダ:Yoshida,山田:ヤマダ:Yamada,佐々木:ササキ:Sasaki,山口:ヤマグチ:Yamaguchi,松本:マツモト:Matsumoto," +
  "井上:イノウエ:Inoue,木村:キムラ:Kimura,林:ハヤシ:Hayashi,斎藤:サイトウ:Saito,清水:シミズ:Shimizu," +
  "山崎:ヤマザキ:Yamazaki,森:モリ:Mori,池田:イケダ:Ikeda,橋本:ハシモト:Hashimoto,阿部:アベ:Abe," +
  "石川:イシカワ:Ishikawa,山下:ヤマシタ:Yamashita,中島:ナカジマ:Nakajima,石井:イシイ:Ishii,小川:オガワ:Ogawa," +
  "前田:マエダ:Maeda,岡田:オカダ:Okada,長谷川:ハセガワ:Hasegawa,藤田:フジタ:Fujita,後藤:ゴトウ:Goto," +
  "近藤:コンドウ:Kondo,村上:ムラカミ:Murakami,遠藤:エンドウ:Endo,青木:アオキ:Aoki,坂本:サカモト:Sakamoto," +
  "斉藤:サイトウ:Saito,福田:フクダ:Fukuda,太田:オオタ:Ota,西村:ニシムラ:Nishimura,藤井:フジイ:Fujii," +
  "金子:カネコ:Kaneko,岡本:オカモト:Okamoto,藤原:フジワラ:Fujiwara,中野:ナカノ:Nakano,三浦:ミウラ:Miura," +
  "原田:ハラダ:Harada,中川:ナカガワ:Nakagawa,松田:マツダ:Matsuda,竹内:タケウチ:Takeuchi,小野:オノ:Ono," +
  "田村:タムラ:Tamura,中山:ナカヤマ:Nakayama,和田:ワダ:Wada,石田:イシダ:Ishida,森田:モリタ:Morita," +
  "上田:ウエダ:Ueda,原:ハラ:Hara,内田:ウチダ:Uchida,柴田:シバタ:Shibata,酒井:サカイ:Sakai," +
  "宮崎:ミヤザキ:Miyazaki,横山:ヨコヤマ:Yokoyama,高木:タカギ:Takagi,安藤:アンドウ:Ando,宮本:ミヤモト:Miyamoto," +
  "大野:オオノ:Ono,小島:コジマ:Kojima,谷口:タニグチ:Taniguchi,今井:イマイ:Imai,工藤:クドウ:Kudo," +
  "高田:タカダ:Takada,増田:マスダ:Masuda,丸山:マルヤマ:Maruyama,杉山:スギヤマ:Sugiyama,村田:ムラタ:Murata," +
  "大塚:オオツカ:Otsuka,新井:アライ:Arai,小山:コヤマ:Koyama,平野:ヒラノ:Hirano,藤本:フジモト:Fujimoto," +
  "河野:コウノ:Kono,上野:ウエノ:Ueno,野口:ノグチ:Noguchi,武田:タケダ:Takeda,松井:マツイ:Matsui," +
  "千葉:チバ:Chiba,岩崎:イワサキ:Iwasaki,菅原:スガワラ:Sugawara,木下:キノシタ:Kinoshita,久保:クボ:Kubo," +
  "佐野:サノ:Sano,野村:ノムラ:Nomura,松尾:マツオ:Matsuo,菊地:キクチ:Kikuchi,杉本:スギモト:Sugimoto," +
  "市川:イチカワ:Ichikawa,古川:フルカワ:Furukawa,大西:オオニシ:Onishi,島田:シマダ:Shimada,水野:ミズノ:Mizuno," +
  "桜井:サクライ:Sakurai,高野:タカノ:Takano,吉川:ヨシカワ:Yoshikawa,山内:ヤマウチ:Yamauchi,西田:ニシダ:Nishida," +
  "飯田:イイダ:Iida,菊池:キクチ:Kikuchi,西川:ニシカワ:Nishikawa,小松:コマツ:Komatsu,北村:キタムラ:Kitamura," +
  "安田:ヤスダ:Yasuda,五十嵐:イガラシ:Igarashi,川口:カワグチ:Kawaguchi,平田:ヒラタ:Hirata,関:セキ:Seki," +
  "中田:ナカタ:Nakata,久保田:クボタ:Kubota,服部:ハットリ:Hattori,東:ヒガシ:Higashi,岩田:イワタ:Iwata," +
  "土屋:ツチヤ:Tsuchiya,川崎:カワサキ:Kawasaki,福島:フクシマ:Fukushima,本田:ホンダ:Honda,辻:ツジ:Tsuji," +
  "樋口:ヒグチ:Higuchi,秋山:アキヤマ:Akiyama,田口:タグチ:Taguchi,永井:ナガイ:Nagai,山中:ヤマナカ:Yamanaka," +
  "中西:ナカニシ:Nakanishi,吉村:ヨシムラ:Yoshimura,川上:カワカミ:Kawakami,大橋:オオハシ:Ohashi,石原:イシハラ:Ishihara," +
  "松岡:マツオカ:Matsuoka,浅野:アサノ:Asano,馬場:ババ:Baba,荒木:アラキ:Araki,大久保:オオクボ:Okubo," +
  "野田:ノダ:Noda,小沢:オザワ:Ozawa,田辺:タナベ:Tanabe,川村:カワムラ:Kawamura,星野:ホシノ:Hoshino," +
  "黒田:クロダ:Kuroda,堀:ホリ:Hori,尾崎:オザキ:Ozaki,望月:モチヅキ:Mochizuki,永田:ナガタ:Nagata," +
  "熊谷:クマガイ:Kumagai,内藤:ナイトウ:Naito,松村:マツムラ:Matsumura,西山:ニシヤマ:Nishiyama,大谷:オオタニ:Otani," +
  "平井:ヒライ:Hirai,大島:オオシマ:Oshima,岩本:イワモト:Iwamoto,片山:カタヤマ:Katayama,本間:ホンマ:Homma," +
  "早川:ハヤカワ:Hayakawa,横田:ヨコタ:Yokota,岡崎:オカザキ:Okazaki,大石:オオイシ:Oishi,鎌田:カマタ:Kamata," +
  "成田:ナリタ:Narita,宮田:ミヤタ:Miyata,小田:オダ:Oda,石橋:イシバシ:Ishibashi,篠原:シノハラ:Shinohara," +
  "須藤:スドウ:Sudo,河合:カワイ:Kawai,高山:タカヤマ:Takayama,松下:マツシタ:Matsushita,吉岡:ヨシオカ:Yoshioka";

/** Male given names; the first half are more common among people born before about 1985. */
export const JA_MALE =
  "浩:ヒロシ:Hiroshi,隆:タカシ:Takashi,誠:マコト:Makoto,健一:ケンイチ:Kenichi,茂:シゲル:Shigeru," +
  "博之:ヒロユキ:Hiroyuki,和彦:カズヒコ:Kazuhiko,哲也:テツヤ:Tetsuya,剛:ツヨシ:Tsuyoshi,学:マナブ:Manabu," +
  "修:オサム:Osamu,聡:サトシ:Satoshi,秀樹:ヒデキ:Hideki,康弘:ヤスヒロ:Yasuhiro,正人:マサト:Masato," +
  "純一:ジュンイチ:Junichi,浩二:コウジ:Koji,信也:シンヤ:Shinya,功:イサオ:Isao,淳:ジュン:Jun," +
  "一郎:イチロウ:Ichiro,健二:ケンジ:Kenji,雅人:マサト:Masato,直樹:ナオキ:Naoki,達也:タツヤ:Tatsuya," +
  "大輔:ダイスケ:Daisuke,拓也:タクヤ:Takuya,健太:ケンタ:Kenta,和也:カズヤ:Kazuya,翔太:ショウタ:Shota," +
  "亮:リョウ:Ryo,俊介:シュンスケ:Shunsuke,翼:ツバサ:Tsubasa,智也:トモヤ:Tomoya,裕太:ユウタ:Yuta," +
  "慎吾:シンゴ:Shingo,航:ワタル:Wataru,駿:シュン:Shun,大樹:ダイキ:Daiki,拓海:タクミ:Takumi," +
  "翔:ショウ:Sho,海斗:カイト:Kaito,陸:リク:Riku,颯太:ソウタ:Sota,悠斗:ユウト:Yuto," +
  "大翔:ヒロト:Hiroto,陽翔:ハルト:Haruto,蓮:レン:Ren,湊:ミナト:Minato,樹:イツキ:Itsuki";

export const JA_FEMALE =
  "陽子:ヨウコ:Yoko,恵子:ケイコ:Keiko,幸子:サチコ:Sachiko,典子:ノリコ:Noriko,洋子:ヨウコ:Yoko," +
  "真由美:マユミ:Mayumi,久美子:クミコ:Kumiko,智子:トモコ:Tomoko,直美:ナオミ:Naomi,由美:ユミ:Yumi," +
  "真理子:マリコ:Mariko,純子:ジュンコ:Junko,明美:アケミ:Akemi,裕子:ユウコ:Yuko,由紀:ユキ:Yuki," +
  "理恵:リエ:Rie,亜希子:アキコ:Akiko,美香:ミカ:Mika,紀子:ノリコ:Noriko,恵:メグミ:Megumi," +
  "美穂:ミホ:Miho,香織:カオリ:Kaori,沙織:サオリ:Saori,瞳:ヒトミ:Hitomi,麻美:アサミ:Asami," +
  "愛:アイ:Ai,彩:アヤ:Aya,麻衣:マイ:Mai,舞:マイ:Mai,千尋:チヒロ:Chihiro," +
  "美咲:ミサキ:Misaki,綾香:アヤカ:Ayaka,奈々:ナナ:Nana,遥:ハルカ:Haruka,彩花:アヤカ:Ayaka," +
  "菜摘:ナツミ:Natsumi,七海:ナナミ:Nanami,美月:ミヅキ:Mizuki,玲奈:レナ:Rena,美優:ミユ:Miyu," +
  "結衣:ユイ:Yui,陽菜:ヒナ:Hina,葵:アオイ:Aoi,凛:リン:Rin,さくら:サクラ:Sakura," +
  "莉子:リコ:Riko,芽衣:メイ:Mei,楓:カエデ:Kaede,結菜:ユイナ:Yuina,心春:コハル:Koharu";
